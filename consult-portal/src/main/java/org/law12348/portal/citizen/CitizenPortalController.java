package org.law12348.portal.citizen;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenTicketActions;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.InvalidInputException;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citizen web portal: ask a question or submit a matter, then follow it with the tracking link,
 * ask a follow-up, say it is solved and rate the answer. Each form carries a submission id, so a
 * double click or a resubmitted page creates one ticket.
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
    String ask(@ModelAttribute AskForm form, Model model) {
        try {
            String reference = form.submissionId() == null || form.submissionId().isBlank()
                    ? UUID.randomUUID().toString() : form.submissionId();
            IntakeResult result = intake.receive(new IntakeRequest(Channel.WEB, "portal-" + reference, null,
                    form.businessType(), form.regionCode(), form.subject(), form.text(), form.contactName(),
                    form.contactPhone(), null, null));
            return "redirect:" + trackingUrl(result.ticketNumber(), result.trackingToken());
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("businessTypes", BusinessType.values());
            model.addAttribute("errors", e.violations());
            return "citizen/ask";
        }
    }

    @GetMapping("/track")
    String trackForm() {
        return "citizen/track-form";
    }

    @GetMapping("/track/{number}")
    String track(@PathVariable String number, @RequestParam(required = false) String token, Model model) {
        return page.render(number, token, model);
    }

    @PostMapping("/track/{number}/follow-up")
    String followUp(@PathVariable String number, @RequestParam(required = false) String token, @RequestParam String text,
                    RedirectAttributes flash) {
        page.requireOwner(number, token);
        return act(number, token, flash, () -> actions.followUp(number, text), "追问已提交，请等待答复");
    }

    @PostMapping("/track/{number}/accept")
    String accept(@PathVariable String number, @RequestParam(required = false) String token, RedirectAttributes flash) {
        page.requireOwner(number, token);
        return act(number, token, flash, () -> actions.acceptAnswer(number), "感谢确认，工单已办结");
    }

    @PostMapping("/track/{number}/rate")
    String rate(@PathVariable String number, @RequestParam(required = false) String token, @RequestParam(required = false) Integer score,
                @RequestParam(required = false) String comment, RedirectAttributes flash) {
        page.requireOwner(number, token);
        return act(number, token, flash, () -> actions.rate(number, score, comment), "感谢您的评价");
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
            String view = page.render(ticketForm.group(1), request.getParameter("token"), model);
            model.addAttribute("error", notice);
            model.addAttribute("followUpText", request.getParameter("text"));
            model.addAttribute("ratingComment", request.getParameter("comment"));
            return view;
        }
        model.addAttribute("message", notice);
        return "error";
    }

    private String act(String number, String token, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        } catch (TicketStateException e) {
            flash.addFlashAttribute("error", e.chineseMessage());
        }
        return "redirect:" + trackingUrl(number, token);
    }

    static String trackingUrl(String number, String token) {
        return "/track/" + number + "?token=" + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8);
    }
}
