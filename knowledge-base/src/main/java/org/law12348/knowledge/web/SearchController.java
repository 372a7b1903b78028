package org.law12348.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.law12348.knowledge.Deflections;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeBase;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.Suggestion;
import org.law12348.knowledge.internal.Impressions;
import org.law12348.ticketing.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The public side of the knowledge base: search, as-you-type suggestions, "this solved my problem". */
@RestController
@RequestMapping("/api/v1/kb")
@Tag(name = "knowledge-base", description = "知识库检索（公开）")
class SearchController {

    /** One result; an FAQ's {@code impression} is what "this solved my problem" sends back for it. */
    record Hit(String id, String type, String title, String snippet, String category, double score,
               String impression) {
        static Hit of(SearchHit h) {
            return of(h, null);
        }

        static Hit of(SearchHit h, String impression) {
            return new Hit(h.id(), h.type().code(), h.title(), h.snippet(), h.category(), h.score(), impression);
        }
    }

    record DeflectionBody(String articleId, String query, String impression) {
    }

    private final KnowledgeBase knowledge;
    private final Deflections deflections;
    private final Impressions impressions;

    SearchController(KnowledgeBase knowledge, Deflections deflections, Impressions impressions) {
        this.knowledge = knowledge;
        this.deflections = deflections;
        this.impressions = impressions;
    }

    @GetMapping("/search")
    @Operation(summary = "检索知识库", description = "已发布的问答和法条，按相关度排序；snippet 已转义，命中词以 <em> 标出")
    List<Hit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                     @RequestParam(required = false) Integer limit, HttpServletRequest request) {
        String client = ClientAddress.of(request);
        return knowledge.search(q, category, limit).stream()
                .map(h -> Hit.of(h, h.type() == DocumentType.FAQ ? impressions.issue(h.id(), client) : null))
                .toList();
    }

    @GetMapping("/suggest")
    @Operation(summary = "输入联想", description = "按已输入的文字推荐常见问题")
    List<Suggestion> suggest(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        return knowledge.suggest(q, limit);
    }

    @PostMapping("/deflections")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "“已解决我的问题”", description = "记录一次无需提交工单的自助解决；impression 取自检索结果，"
            + "两小时内有效；同一来源同一天对同一解答只计一次")
    void deflected(@RequestBody DeflectionBody body, HttpServletRequest request) {
        DeflectionBody b = body == null ? new DeflectionBody(null, null, null) : body;
        deflections.record(b.articleId(), b.query(), b.impression(), ClientAddress.of(request));
    }
}
