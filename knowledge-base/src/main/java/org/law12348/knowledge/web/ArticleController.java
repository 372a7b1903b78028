package org.law12348.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.knowledge.AnswerDrafts;
import org.law12348.knowledge.ArticleStatus;
import org.law12348.knowledge.FaqArticle;
import org.law12348.knowledge.FaqArticleService;
import org.law12348.knowledge.FaqContent;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** FAQ articles: consultants draft, administrators publish, archive and review. */
@RestController
@RequestMapping("/api/v1/kb/articles")
@Tag(name = "knowledge-base-articles", description = "知识库文章的编辑、发布与复核")
class ArticleController {

    record ArticleBody(String question, String answer, String category, List<String> laws) {
        FaqContent content() {
            return FaqContent.of(question, answer, category, laws);
        }

        /** {} from scripts that publish as is, as before edits could come along. */
        boolean empty() {
            return question == null && answer == null && category == null && laws == null;
        }
    }

    private final FaqArticleService articles;
    private final AnswerDrafts answerDrafts;
    private final CurrentStaff staff;
    private final StaffNames names;
    private final AuditTrail audit;

    ArticleController(FaqArticleService articles, AnswerDrafts answerDrafts, CurrentStaff staff, StaffNames names,
                      AuditTrail audit) {
        this.articles = articles;
        this.answerDrafts = answerDrafts;
        this.staff = staff;
        this.names = names;
        this.audit = audit;
    }

    private ArticleViews.ArticleView staffView(FaqArticle article) {
        return ArticleViews.staff(article, names.lookup());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建草稿", description = "咨询专家或管理员；例如把一次答复整理成常见问题")
    ArticleViews.ArticleView draft(@RequestBody ArticleBody body) {
        return staffView(articles.draft(required(body).content(), staff.find().orElse(null)));
    }

    @PostMapping("/from-ticket/{number}")
    @Operation(summary = "把工单的答复转为草稿",
            description = "咨询专家转自己已答复的问题，管理员可转任何咨询答复；同一工单只生成一篇草稿，再次提交返回已有草稿（200）")
    ResponseEntity<ArticleViews.ArticleView> draftFromTicket(@PathVariable String number) {
        AnswerDrafts.Drafted drafted = answerDrafts.draftFrom(number, staff.find().orElse(null));
        return ResponseEntity.status(drafted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(staffView(drafted.article()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改文章", description = "管理员，或作者修改自己的草稿；每次修改保存为新版本")
    ArticleViews.ArticleView revise(@PathVariable String id, @RequestBody ArticleBody body) {
        return staffView(articles.revise(id, required(body).content(), staff.find().orElse(null)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看文章", description = "市民只能看到已发布的文章")
    Object view(@PathVariable String id) {
        StaffMember member = staff.find().orElse(null);
        return member == null || !member.cleared() ? ArticleViews.citizen(articles.view(id, null))
                : staffView(articles.view(id, member));
    }

    @GetMapping
    @Operation(summary = "按状态列出文章（工作人员）", description = "q：在问题、答复、分类和编号中查找（不区分大小写，最多100字）")
    List<ArticleViews.ArticleView> list(@RequestParam(defaultValue = "DRAFT") String status,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "50") int limit) {
        ArticleStatus s;
        try {
            s = ArticleStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status.unknown", "状态应为 DRAFT、PUBLISHED 或 ARCHIVED");
        }
        StaffNames.Lookup lookup = names.lookup();
        return articles.list(s, q, Math.max(1, limit), staff.find().orElse(null)).stream()
                .map(a -> ArticleViews.staff(a, lookup)).toList();
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布（管理员）", description = "带修改（question、answer、category、laws）时先保存为新版本再发布（同一事务），编辑器里的修改不会丢失；不带请求体或为 {} 时发布当前版本")
    ArticleViews.ArticleView publish(@PathVariable String id, @RequestBody(required = false) ArticleBody edits) {
        StaffMember member = staff.find().orElse(null);
        FaqContent content = edits == null || edits.empty() ? null : edits.content();
        ArticleViews.ArticleView done = staffView(articles.publish(id, content, member));
        audit.change(member, AuditAction.KNOWLEDGE_CHANGED, AuditSubject.none(), "发布文章 " + id);
        return done;
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "归档（管理员）")
    ArticleViews.ArticleView archive(@PathVariable String id) {
        StaffMember member = staff.find().orElse(null);
        ArticleViews.ArticleView done = staffView(articles.archive(id, member));
        audit.change(member, AuditAction.KNOWLEDGE_CHANGED, AuditSubject.none(), "归档文章 " + id);
        return done;
    }

    @PostMapping("/{id}/reviewed")
    @Operation(summary = "复核完成（管理员）", description = "清除因法条更新而设置的待复核标记")
    ArticleViews.ArticleView reviewed(@PathVariable String id) {
        StaffMember member = staff.find().orElse(null);
        ArticleViews.ArticleView done = staffView(articles.markReviewed(id, member));
        audit.change(member, AuditAction.KNOWLEDGE_CHANGED, AuditSubject.none(), "复核完成文章 " + id);
        return done;
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "版本历史（工作人员）")
    List<ArticleViews.RevisionView> versions(@PathVariable String id) {
        StaffNames.Lookup lookup = names.lookup();
        return articles.history(id, staff.find().orElse(null)).stream().map(r -> ArticleViews.revision(r, lookup)).toList();
    }

    private static ArticleBody required(ArticleBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.required", "请求体不能为空");
        }
        return body;
    }
}
