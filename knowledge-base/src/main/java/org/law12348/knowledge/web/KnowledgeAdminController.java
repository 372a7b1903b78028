package org.law12348.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.knowledge.ArticleNotFoundException;
import org.law12348.knowledge.DeflectionStats;
import org.law12348.knowledge.Deflections;
import org.law12348.knowledge.FaqArticleService;
import org.law12348.knowledge.ImportReport;
import org.law12348.knowledge.KnowledgeBase;
import org.law12348.knowledge.KnowledgeImport;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SemanticIndexStatus;
import org.law12348.knowledge.internal.Statutes;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Staff tools: bulk import, statutes and their review queue, reindex, similar questions, figures. */
@RestController
@RequestMapping("/api/v1/kb")
@Tag(name = "knowledge-base-admin", description = "知识库管理（工作人员）")
class KnowledgeAdminController {

    static final String JSON_LINES = "application/x-ndjson";

    record SimilarBody(String text, Integer limit) {
    }

    private final KnowledgeImport imports;
    private final FaqArticleService articles;
    private final KnowledgeBase knowledge;
    private final Deflections deflections;
    private final Statutes statutes;
    private final CurrentStaff staff;
    private final StaffNames names;
    private final AuditTrail audit;

    KnowledgeAdminController(KnowledgeImport imports, FaqArticleService articles, KnowledgeBase knowledge,
                             Deflections deflections, Statutes statutes, CurrentStaff staff, StaffNames names,
                             AuditTrail audit) {
        this.names = names;
        this.audit = audit;
        this.imports = imports;
        this.articles = articles;
        this.knowledge = knowledge;
        this.deflections = deflections;
        this.statutes = statutes;
        this.staff = staff;
    }

    @PostMapping(path = "/import", consumes = {JSON_LINES, "application/jsonl", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "批量导入问答（管理员）", description = "JSON Lines：id, question, answer, category, laws；导入即发布，相同 id 更新")
    ImportReport importFaqs(InputStream body) {
        return audited("导入问答", imports.importFaqs(body, staff.find().orElse(null)));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "批量导入问答（上传文件，管理员）")
    ImportReport importFaqFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return audited("导入问答文件", imports.importFaqs(in, staff.find().orElse(null)));
        }
    }

    @PostMapping(path = "/statutes/import", consumes = {JSON_LINES, "application/jsonl", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "导入法条（管理员）", description = "条文有变化时，引用该条的文章进入待复核列表")
    ImportReport importStatutes(InputStream body) {
        return audited("导入法条", imports.importStatutes(body, staff.find().orElse(null)));
    }

    @PostMapping(path = "/statutes/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入法条（上传文件，管理员）")
    ImportReport importStatuteFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return audited("导入法条文件", imports.importStatutes(in, staff.find().orElse(null)));
        }
    }

    /** Records an import after it succeeded (the import service commits per batch). */
    private ImportReport audited(String what, ImportReport report) {
        audit.change(staff.find().orElse(null), AuditAction.KNOWLEDGE_CHANGED, AuditSubject.none(), what + "：共" + report.lines() + "行，新增" + report.created()
                + "，更新" + report.updated() + "，出错" + report.errors().size());
        return report;
    }

    @GetMapping("/statutes/{id}")
    @Operation(summary = "查看法条")
    ArticleViews.StatuteView statute(@PathVariable String id) {
        return statutes.findById(id).map(ArticleViews::statute).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    @GetMapping("/review-queue")
    @Operation(summary = "待复核文章（管理员）", description = "所引用法条已更新的文章")
    List<ArticleViews.ArticleView> reviewQueue(@RequestParam(defaultValue = "50") int limit) {
        StaffNames.Lookup lookup = names.lookup();
        return articles.reviewQueue(Math.max(1, limit), staff.find().orElse(null)).stream()
                .map(a -> ArticleViews.staff(a, lookup)).toList();
    }

    @PostMapping("/reindex")
    @Operation(summary = "重建检索索引（管理员）", description = "重建期间检索照常可用")
    Map<String, Integer> reindex() {
        int documents = imports.rebuildIndex(staff.find().orElse(null));
        audit.change(staff.find().orElse(null), AuditAction.KNOWLEDGE_CHANGED, AuditSubject.none(),
                "重建检索索引，" + documents + "篇");
        return Map.of("documents", documents);
    }

    @GetMapping("/semantic-index")
    @Operation(summary = "语义索引进度（管理员）",
            description = "state：READY（检索为关键词+语义混合）、BUILDING（构建中，检索暂为关键词）、FAILED、DISABLED；"
                    + "published 应收录的已发布问答数，indexed 已收录，pending 待处理，computed 本次启动计算的向量数")
    SemanticIndexStatus semanticIndex() {
        return imports.semanticIndexStatus(staff.find().orElse(null));
    }

    @PostMapping("/similar")
    @Operation(summary = "相似问题（工作人员）", description = "按工单内容查找最相近的已发布问答")
    List<SearchController.Hit> similar(@RequestBody SimilarBody body) {
        if (staff.find().orElse(null) == null) {
            throw new org.springframework.security.access.AccessDeniedException("需要工作人员登录");
        }
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw new InvalidInputException("text", "text.required", "请提供工单内容");
        }
        List<SearchHit> hits = knowledge.similarQuestions(body.text(), body.limit() == null ? 5 : body.limit());
        return hits.stream().map(SearchController.Hit::of).toList();
    }

    @GetMapping("/deflections/stats")
    @Operation(summary = "自助解决统计（工作人员）", description = "按天统计检索次数、“已解决”次数及比例")
    DeflectionStats deflectionStats(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return deflections.stats(from, to, staff.find().orElse(null));
    }
}
