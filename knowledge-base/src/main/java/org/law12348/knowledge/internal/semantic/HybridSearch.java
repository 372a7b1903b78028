package org.law12348.knowledge.internal.semantic;

import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeProperties;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.internal.lucene.LuceneVectorIndex;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lexical and semantic results fused by weighted reciprocal rank: a document scores
 * {@code w_lex / (k + rank_lex) + w_sem / (k + rank_sem)} over the ranks it has. Ranks, not scores, are
 * fused, because BM25 scores and cosine similarities are on scales that do not compare.
 *
 * <p>The fields are fused deliberately: the lexical side already weighs the question three times the
 * answer (and statutes compete there), the semantic side compares the citizen's text with the FAQ
 * questions only — questions are what citizens' words resemble, and embedding 7,485 long answers
 * would take the background build from minutes to a quarter of an hour. A document found by meaning
 * only shows the start of its answer as the snippet.
 */
@Component
public class HybridSearch {

    private static final int LEXICAL_DEPTH = 10;

    private final KnowledgeSearch lexical;
    private final SemanticSearch semantic;
    private final KnowledgeProperties.Semantic settings;
    /** The pinyin weight every lexical search gets ({@code law12348.knowledge.pinyin}); 0 when off. */
    private final double pinyinWeight;

    HybridSearch(KnowledgeSearch lexical, SemanticSearch semantic, KnowledgeProperties properties) {
        this.lexical = lexical;
        this.semantic = semantic;
        this.settings = properties.semantic();
        this.pinyinWeight = properties.pinyin().queryWeight();
    }

    /** Best hits first: hybrid when the semantic index is ready and FAQs may answer, else lexical. */
    public List<SearchHit> search(SearchQuery query) {
        boolean faqsWanted = query.type() == null || query.type() == DocumentType.FAQ;
        double pinyin = Math.max(query.pinyinWeight(), pinyinWeight);
        if (!faqsWanted || !semantic.ready()) {
            return lexical.search(query.with(query.limit(), pinyin));
        }
        // every lexical hit is highlighted, which is what a deeper lexical list costs; neighbours are cheap
        int lexicalDepth = Math.max(query.limit(), LEXICAL_DEPTH);
        List<SearchHit> words = lexical.search(query.with(lexicalDepth, pinyin));
        Optional<List<LuceneVectorIndex.Neighbour>> meaning = semantic.nearest(query.text(),
                Math.max(query.limit(), settings.candidates()), query.category());
        if (meaning.isEmpty()) {
            return words.stream().limit(query.limit()).toList();
        }
        return fuse(words, meaning.get(), query.limit());
    }

    private List<SearchHit> fuse(List<SearchHit> words, List<LuceneVectorIndex.Neighbour> meaning, int limit) {
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            SearchHit hit = words.get(i);
            String key = hit.type().code() + ":" + hit.id();
            hits.put(key, hit);
            scores.merge(key, settings.lexicalWeight() / (settings.rrfK() + i + 1), Double::sum);
        }
        for (int i = 0; i < meaning.size(); i++) {
            LuceneVectorIndex.Neighbour n = meaning.get(i);
            String key = DocumentType.FAQ.code() + ":" + n.id();
            hits.putIfAbsent(key, new SearchHit(n.id(), DocumentType.FAQ, n.title(),
                    HtmlUtils.htmlEscape(n.answerStart()), n.category(), 0));
            scores.merge(key, settings.semanticWeight() / (settings.rrfK() + i + 1), Double::sum);
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return ranked.stream().limit(limit).map(e -> {
            SearchHit h = hits.get(e.getKey());
            return new SearchHit(h.id(), h.type(), h.title(), h.snippet(), h.category(), e.getValue());
        }).toList();
    }
}
