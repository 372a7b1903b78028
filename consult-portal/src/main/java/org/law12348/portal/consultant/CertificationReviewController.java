package org.law12348.portal.consultant;

import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.consultation.CertificationException;
import org.law12348.ticketing.consultation.CertificationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The administrators' page for certification decisions (the security chain admits ADMIN only). */
@Controller
class CertificationReviewController {

    private final CertificationService certification;

    CertificationReviewController(CertificationService certification) {
        this.certification = certification;
    }

    @GetMapping("/admin/certifications")
    String list(Model model) {
        model.addAttribute("consultants", certification.all());
        model.addAttribute("defaultUntil", LocalDate.now().plusYears(1));
        return "admin/certifications";
    }

    @PostMapping("/admin/certifications/{username}/{decision}")
    String decide(Principal admin, @PathVariable String username, @PathVariable String decision,
                  @RequestParam(required = false) String validUntil, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        try {
            switch (decision) {
                case "approve" -> certification.approve(username, parseDate(validUntil), admin.getName());
                case "reject" -> certification.reject(username, reason, admin.getName());
                case "suspend" -> certification.suspend(username, reason, admin.getName());
                case "revoke" -> certification.revoke(username, reason, admin.getName());
                default -> throw new InvalidInputException("decision", "decision.unknown", "不支持的操作");
            }
            flash.addFlashAttribute("notice", "已处理 " + username);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        } catch (CertificationException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/certifications";
    }

    private static LocalDate parseDate(String raw) {
        try {
            return LocalDate.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("validUntil", "validUntil.invalid", "有效期格式应为 2027-12-31");
        }
    }
}
