package org.law12348.portal.citizen;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenTicketActions;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.SubmissionConflictException;
import org.law12348.ticketing.TicketStateException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The citizen web portal: ask a question or submit a matter, then follow it with the tracking link,
 * ask a follow-up, say it is solved and rate the answer. Each form carries a submission id, so a
 * double click or a resubmitted page creates one ticket.
 */
@Controller
class CitizenPortalController {

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
