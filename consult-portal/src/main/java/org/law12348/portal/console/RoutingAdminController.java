package org.law12348.portal.console;

import org.law12348.portal.SignedInStaff;
import jakarta.servlet.http.HttpSession;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.workflow.routingadmin.DraftReport;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.law12348.workflow.routingadmin.RoutingDrafts;
import org.law12348.workflow.routingadmin.RoutingTables;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Routing administration: the table in force, its versions, a draft uploaded as a DMN file with its
 * validation and what-if replay, deployment and roll-back, and the audit trail. The draft lives in
 * the administrator's session until deployed or discarded.
 */
@Controller
@RequestMapping("/admin/routing")
class RoutingAdminController {

    static final String DRAFT = "routingDraft";
    static final String DAYS = "routingDraftDays";
    static final String REPORT = "routingDraftReport";
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final RoutingDeployments deployments;
    private final RoutingDrafts drafts;
    private final SignedInStaff consoleStaff;

    RoutingAdminController(RoutingDeployments deployments, RoutingDrafts drafts, SignedInStaff consoleStaff) {
        this.deployments = deployments;
        this.drafts = drafts;
        this.consoleStaff = consoleStaff;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer version, HttpSession session, Model model) {
        model.addAttribute("versions", deployments.versions());
        model.addAttribute("shownVersion", version);
        try {
            model.addAttribute("table", version == null ? deployments.current()
                    : RoutingTables.read(deployments.xml(version)));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.violations().get(0).message());
            model.addAttribute("table", deployments.current());
        }
        String draft = (String) session.getAttribute(DRAFT);
        if (draft != null) {
            // The checks ran when the draft was uploaded or replayed; showing the page repeats none of it.
            model.addAttribute("draftTable", RoutingTables.read(draft));
            model.addAttribute("report", session.getAttribute(REPORT));
            model.addAttribute("days", session.getAttribute(DAYS));
        }
        model.addAttribute("audit", deployments.auditTrail(50));
        return "console/routing";
    }

    /** The table in force as a file, to edit and upload as the next draft. */
    @GetMapping(value = "/current.dmn", produces = "application/xml")
    org.springframework.http.ResponseEntity<String> currentFile() {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=ticket-routing.dmn")
                .body(deployments.xml(null));
    }

    @PostMapping("/draft")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "30") int days,
                  HttpSession session, RedirectAttributes flash) {
        return act(flash, "草稿已上传并完成校验", () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "file.missing", "请选择DMN文件");
            }
            if (file.getSize() > MAX_BYTES) {
                throw new InvalidInputException("file", "file.tooLarge", "DMN文件不能超过2MB");
            }
            String xml = read(file);
            RoutingTables.read(xml);
            DraftReport report = drafts.check(xml, days);
            session.setAttribute(DRAFT, xml);
            session.setAttribute(DAYS, days);
            session.setAttribute(REPORT, report);
            return null;
        });
    }

    @PostMapping("/whatif")
    String whatIf(@RequestParam(defaultValue = "30") int days, HttpSession session, RedirectAttributes flash) {
        return act(flash, "已按最近" + days + "天的工单回放", () -> {
            DraftReport report = drafts.check(requireDraft(session), days);
            session.setAttribute(DAYS, days);
            session.setAttribute(REPORT, report);
            return null;
        });
    }

    @PostMapping("/deploy")
    String deploy(@RequestParam(required = false) String comment, HttpSession session, RedirectAttributes flash) {
        String actor = consoleStaff.require().username();
        return act(flash, "新版本分派规则已发布，新工单立即按新规则分派", () -> {
            String why = comment == null || comment.isBlank() ? "未填写说明" : comment.strip();
            int version = deployments.deploy(requireDraft(session), actor, why);
            session.removeAttribute(DRAFT);
            session.removeAttribute(REPORT);
            return version;
        });
    }

    @PostMapping("/rollback")
    String rollBack(@RequestParam int version, RedirectAttributes flash) {
        String actor = consoleStaff.require().username();
        return act(flash, "已回滚到版本" + version + "（作为新版本发布）", () -> deployments.rollBack(version, actor));
    }

    @PostMapping("/discard")
    String discard(HttpSession session, RedirectAttributes flash) {
        session.removeAttribute(DRAFT);
        session.removeAttribute(REPORT);
        flash.addFlashAttribute("notice", "草稿已丢弃");
        return "redirect:/admin/routing";
    }

    private static String requireDraft(HttpSession session) {
        String draft = (String) session.getAttribute(DRAFT);
        if (draft == null) {
            throw new InvalidInputException("file", "draft.missing", "请先上传草稿");
        }
        return draft;
    }

    private static String read(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("file", "file.unreadable", "文件读取失败，请重新上传");
        }
    }

    private static String act(RedirectAttributes flash, String done, Supplier<Object> action) {
        try {
            action.get();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        }
        return "redirect:/admin/routing";
    }
}
