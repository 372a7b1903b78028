package org.law12348.knowledge;

import org.law12348.knowledge.internal.SearchCounter;
import org.law12348.knowledge.internal.semantic.HybridSearch;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TextRules;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Search for citizens and staff: validates and normalises what people type, then asks the configured
 * backend for words and the semantic index for meaning, fused ({@link HybridSearch}). User text is only
 * ever handed to the backend as plain words.
 */
@Service
public class KnowledgeBase {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int DEFAULT_LIMIT = 10;
    private static final int MAX_SUGGESTIONS = 10;
    private static final int SIMILAR_TEXT_LENGTH = 300;

    private final KnowledgeSearch search;
    private final HybridSearch hybrid;
    private final SearchCounter counter;

    KnowledgeBase(KnowledgeSearch search, HybridSearch hybrid, SearchCounter counter) {
        this.search = search;
        this.hybrid = hybrid;
        this.counter = counter;
    }

    /** Published FAQ articles and statutes for what a citizen asked, best first. */
    public List<SearchHit> search(String q, String category, Integer limit) {
        String text = queryText("q", q);
        if (text == null) {
            throw new InvalidInputException("q", "q.required", "请输入要搜索的问题");
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > SearchQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit.outOfRange", "limit 应在1到" + SearchQuery.MAX_LIMIT + "之间");
        }
        counter.searched();
        return hybrid.search(new SearchQuery(text, category(category), null, n));
    }

    /** As-you-type suggestions; nothing typed yet gives nothing. */
    public List<Suggestion> suggest(String typed, Integer limit) {
        String text = queryText("q", typed);
        int n = limit == null ? 5 : limit;
        if (n < 1 || n > MAX_SUGGESTIONS) {
            throw new InvalidInputException("limit", "limit.outOfRange", "limit 应在1到" + MAX_SUGGESTIONS + "之间");
        }
        return text == null ? List.of() : search.suggest(text, n);
    }

    /** The published FAQ articles closest to a ticket's text, for the consultant answering it. */
    public List<SearchHit> similarQuestions(String ticketText, int limit) {
        String text = ticketText == null ? "" : similarityText(ticketText);
        if (text.isEmpty()) {
            return List.of();
        }
        return hybrid.search(new SearchQuery(text, null, DocumentType.FAQ,
                Math.max(1, Math.min(limit, 20))));
    }

    /** What a similarity search reads of a ticket's text: its start, which says what it is about. */
    static String similarityText(String ticketText) {
        return TextRules.firstCharacters(KnowledgeText.oneLine(ticketText), SIMILAR_TEXT_LENGTH);
    }

    /**
     * What a citizen typed, normalised as stored questions are ({@link KnowledgeText}): a line break
     * from the portal's multi-line box or a pasted control character is not a reason to refuse.
     */
    private static String queryText(String field, String raw) {
        String text = KnowledgeText.oneLine(raw);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_QUERY_LENGTH) {
            throw new InvalidInputException(field, field + ".tooLong", "搜索内容不能超过" + MAX_QUERY_LENGTH + "个字");
        }
        return text;
    }

    private static String category(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String category = raw.strip();
        if (category.length() > FaqContent.MAX_CATEGORY) {
            throw new InvalidInputException("category", "category.tooLong", "分类名称过长");
        }
        return category;
    }
}
