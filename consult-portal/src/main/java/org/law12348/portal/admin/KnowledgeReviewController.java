package org.law12348.portal.admin;

import org.law12348.knowledge.ArticleNotFoundException;
import org.law12348.knowledge.ArticleStateException;
import org.law12348.knowledge.ArticleStatus;
import org.law12348.knowledge.FaqArticleService;
import org.law12348.knowledge.FaqContent;
import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/**
 * The administrators' knowledge-base desk (the security chain admits ADMIN only): drafts — many
 * turned from consultants' answers — to edit and publish or archive, and published articles whose
 * cited statutes changed, to check and mark reviewed.
 */
@Controller
class KnowledgeReviewController {

    private static final int LISTED = 100;

    private final FaqArticleService articles;
    private final SignedInStaff staff;

    KnowledgeReviewController(FaqArticleService articles, SignedInStaff staff) {
        this.articles = articles;
        this.staff = staff;
    }

    @GetMapping("/admin/knowledge")
    String desk(Model model) {
        StaffMember admin = staff.require();
        model.addAttribute("drafts", articles.list(ArticleStatus.DRAFT, LISTED, admin));
        model.addAttribute("reviewQueue", articles.reviewQueue(LISTED, admin));
        return "admin/knowledge";
    }

    @PostMapping("/admin/knowledge/{id}/revise")
    String revise(@PathVariable String id, @RequestParam(required = false) String question,
                  @RequestParam(required = false) String answer, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String laws, RedirectAttributes flash) {
        List<String> citations = laws == null || laws.isBlank() ? List.of()
                : Arrays.stream(laws.split("[,，;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return act(flash, "已保存修改 " + id,
                () -> articles.revise(id, FaqContent.of(question, answer, category, citations), staff.require()));
    }

    @PostMapping("/admin/knowledge/{id}/publish")
    String publish(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "已发布 " + id + "，市民现在可以检索到", () -> articles.publish(id, staff.require()));
    }

    @PostMapping("/admin/knowledge/{id}/archive")
    String archive(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "已归档 " + id, () -> articles.archive(id, staff.require()));
    }

    @PostMapping("/admin/knowledge/{id}/reviewed")
    String reviewed(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "已标记为复核完成 " + id, () -> articles.markReviewed(id, staff.require()));
    }

    private static String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        } catch (ArticleStateException e) {
            flash.addFlashAttribute("error", e.chineseMessage());
        } catch (ArticleNotFoundException e) {
            flash.addFlashAttribute("error", "文章不存在：" + e.articleId());
        }
        return "redirect:/admin/knowledge";
    }
}
