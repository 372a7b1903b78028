package org.law12348.portal.citizen;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.CitizenTicketActions;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.SubmissionConflictException;
import org.law12348.ticketing.TicketStateException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citizen web portal: ask a question or submit a matter, then follow it on its ticket page (the
 * tracking token reaches that page in a short-lived cookie or a form's body, never in the URL), ask a
 * follow-up, say it is solved and rate the answer. Each form carries a submission id, so a double
 * click or a resubmitted page creates one ticket.
 */
@Controller
class CitizenPortalController {

    /** Where the application forwards a form its rate limit refused (see {@link #rateLimited}). */
    static final String RATE_LIMITED = "/rate-limited";
    private static final Pattern TICKET_FORM = Pattern.compile("/track/([^/]+)/(?:follow-up|accept|rate)");

    /** The ask form as the browser posts it. */
    record AskForm(String submissionId, String businessType, String regionCode, String subject, String text,
                   String contactName, String contactPhone) {
    }

    private final org.law12348.ticketing.TicketIntake intake;
    private final CitizenTicketActions actions;
    private final CitizenTicketPage page;

    CitizenPortalController(org.law12348.ticketing.TicketIntake intake, CitizenTicketActions actions,
                            CitizenTicketPage page) {
        this.intake = intake;
        this.actions = actions;
        this.page = page;
    }

    @GetMapping("/")
    String askForm(Model model) {
        model.addAttribute("form", new AskForm(UUID.randomUUID().toString(), "LEGAL_CONSULTATION", "", "", "", "", ""));
        model.addAttribute("businessTypes", BusinessType.values());
        return "citizen/ask";
    }

    @PostMapping("/ask")
    String ask(@ModelAttribute AskForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            String reference = form.submissionId() == null || form.submissionId().isBlank()
                    ? UUID.randomUUID().toString() : form.submissionId();
            IntakeResult result = intake.receive(IntakeRequest.fromWeb("portal-" + reference, form.businessType(),
                    form.regionCode(), form.text()).withSubject(form.subject()).withContactName(form.contactName())
                    .withPhone(form.contactPhone()));
            // the token goes to the ticket page in a cookie, never in the URL
            TrackingCookie.give(request, response, result.ticketNumber(), result.trackingToken());
            return "redirect:" + trackingPath(result.ticketNumber());
        } catch (InvalidInputException e) {
            return askAgain(form, form.submissionId(), e.violations(), model);
        } catch (SubmissionConflictException e) {
            // the page was submitted before with other content (back button, edit, submit): say so, and
            // let a second click submit the edited question as a new one
            return askAgain(form, UUID.randomUUID().toString(), List.of(new InvalidInputException.Violation(
                    "submissionId", "idempotencyKey.reused",
                    "此页面已提交过一次，内容与当时不同。如要把修改后的内容作为新的问题提交，请再次点击“提交”。")), model);
        }
    }

    private static String askAgain(AskForm form, String submissionId, List<InvalidInputException.Violation> errors,
                                   Model model) {
        model.addAttribute("form", new AskForm(submissionId, form.businessType(), form.regionCode(), form.subject(),
                form.text(), form.contactName(), form.contactPhone()));
        model.addAttribute("businessTypes", BusinessType.values());
        model.addAttribute("errors", errors);
        return "citizen/ask";
    }

    @GetMapping("/track")
    String trackForm() {
        return "citizen/track-form";
    }

    /** The tracking form posts the number and the token; the page then opens with the token in a cookie. */
    @PostMapping("/track")
    String open(@RequestParam(required = false) String number, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        String token = TrackingCookie.fromBody(request);
        String n = number == null ? "" : number.strip();
        if (!page.opens(n, token)) {
            return askForToken(n, "工单编号或查询凭证不正确，或查询凭证已过期", response, model);
        }
        TrackingCookie.give(request, response, n, token.strip());
        return "redirect:" + trackingPath(n);
    }

    /**
     * The ticket page. Without the cookie of a valid token (or once the token expired) it asks for the
     * token, answering 404 as for a ticket that does not exist.
     */
    @GetMapping("/track/{number}")
    String track(@PathVariable String number, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        String token = TrackingCookie.read(request);
        if (!page.opens(number, token)) {
            return askForToken(number, token == null ? null : "查询凭证已过期或不正确，请重新输入", response, model);
        }
        TrackingCookie.give(request, response, number, token);
        return page.render(number, token, model);
    }

    @PostMapping("/track/{number}/follow-up")
    String followUp(@PathVariable String number, @RequestParam String text, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes flash) {
        owner(number, request, response);
        return act(number, flash, () -> actions.followUp(number, text), "追问已提交，请等待答复");
    }

    @PostMapping("/track/{number}/accept")
    String accept(@PathVariable String number, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes flash) {
        owner(number, request, response);
        return act(number, flash, () -> actions.acceptAnswer(number), "感谢确认，工单已办结");
    }

    @PostMapping("/track/{number}/rate")
    String rate(@PathVariable String number, @RequestParam(required = false) Integer score,
                @RequestParam(required = false) String comment, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes flash) {
        owner(number, request, response);
        return act(number, flash, () -> actions.rate(number, score, comment), "感谢您的评价");
    }

    /**
     * A citizen's form that the application's rate limit refused: it forwards here having set 429 and
     * Retry-After, and the citizen gets the same page back saying how long to wait, with what they
     * typed still in it (nothing was submitted; the ask form keeps its submission id, so sending it
     * again later still makes one ticket).
     */
    @RequestMapping(RATE_LIMITED)
    String rateLimited(HttpServletRequest request, @ModelAttribute AskForm form,
                       @RequestParam(required = false) Long seconds, Model model) {
        if (!(request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH) instanceof String path)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // only the rate limit sends people here
        }
        String notice = "提交过于频繁，请" + (seconds == null || seconds < 1 ? 60 : seconds)
                + "秒后再试。您填写的内容已保留，无需重新填写。";
        if (path.equals("/ask")) {
            model.addAttribute("form", form);
            model.addAttribute("businessTypes", BusinessType.values());
            model.addAttribute("rateLimited", notice);
            return "citizen/ask";
        }
        Matcher ticketForm = TICKET_FORM.matcher(path);
        if (ticketForm.matches()) {
            String view = page.render(ticketForm.group(1), TrackingCookie.fromBody(request), model);
            model.addAttribute("error", notice);
            model.addAttribute("followUpText", request.getParameter("text"));
            model.addAttribute("ratingComment", request.getParameter("comment"));
            return view;
        }
        model.addAttribute("message", notice);
        return "error";
    }

    /** Checks the token the form posted (404 otherwise); the page it returns to gets it in the cookie. */
    private void owner(String number, HttpServletRequest request, HttpServletResponse response) {
        String token = TrackingCookie.fromBody(request);
        page.requireOwner(number, token);
        TrackingCookie.give(request, response, number, token.strip());
    }

    private String askForToken(String number, String error, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("number", number);
        model.addAttribute("error", error);
        return "citizen/track-form";
    }

    private String act(String number, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        } catch (TicketStateException e) {
            flash.addFlashAttribute("error", e.chineseMessage());
        }
        return "redirect:" + trackingPath(number);
    }

    static String trackingPath(String number) {
        return "/track/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8);
    }
}
