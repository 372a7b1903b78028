package org.law12348.knowledge;

import org.law12348.consultation.AnsweredQuestions;
import org.law12348.knowledge.internal.lucene.LuceneKnowledgeSearch;
import org.law12348.ticketing.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answered tickets most like the questions a consultant is answering, shown beside the closest
 * FAQs. They are ranked with the knowledge base's own Chinese analysis, synonyms and scoring, over an
 * in-memory Lucene index of the newest reusable answers built for each call and dropped after it: a
 * ticket anonymised or erased a moment ago, or an answer review rejected, is never shown, whichever
 * backend serves the knowledge base. A hit's title is the earlier question with its phone, ID and
 * account numbers masked; its snippet is the start of the answer.
 */
@Service
public class SimilarAnsweredTickets {

    /** How many of the newest answered tickets are compared: recent answers are the ones worth reusing. */
    static final int CANDIDATES = 300;
    private static final double SHARE_OF_BEST = 0.3;
    private static final int SNIPPET_LENGTH = 120;

    private final AnsweredQuestions answered;

    SimilarAnsweredTickets(AnsweredQuestions answered) {
        this.answered = answered;
    }

    /**
     * For each ticket number, the answered tickets most like its question (never itself), best first.
     *
     * @param questions ticket number to question text
     */
    public Map<String, List<SearchHit>> like(Map<String, String> questions, int perQuestion) {
        Map<String, List<SearchHit>> similar = new LinkedHashMap<>();
        questions.keySet().forEach(number -> similar.put(number, List.of()));
        if (questions.isEmpty()) {
            return similar;
        }
        List<AnsweredQuestions.ReusableAnswer> candidates = answered.newestReusable(CANDIDATES);
        if (candidates.isEmpty()) {
            return similar;
        }
        Map<String, String> answers = new HashMap<>();
        candidates.forEach(c -> answers.put(c.ticketNumber(), c.answer()));
        try (KnowledgeSearch index = LuceneKnowledgeSearch.inMemory()) {
            // questions only: they are what is alike, and analysing 300 long answers per page view
            // cost over half a second (bench "similar")
            index.index(candidates.stream().map(c -> new SearchDocument(c.ticketNumber(), DocumentType.TICKET,
                    KnowledgeBase.similarityText(c.question()), "", c.category().chineseName())).toList());
            questions.forEach((number, text) -> {
                if (text != null && !text.isBlank()) {
                    SearchQuery query = new SearchQuery(KnowledgeBase.similarityText(text), null, DocumentType.TICKET,
                            perQuestion + 1);
                    similar.put(number, relevant(index.search(query).stream()
                            .filter(hit -> !hit.id().equals(number)).toList(), perQuestion).stream()
                            .map(hit -> withAnswer(hit, answers.get(hit.id()))).toList());
                }
            });
        }
        return similar;
    }

    /** The hit with the start of the earlier answer as its snippet, escaped like every snippet. */
    private static SearchHit withAnswer(SearchHit hit, String answer) {
        String start = TextRules.firstCharacters(answer.strip(), SNIPPET_LENGTH);
        String snippet = HtmlUtils.htmlEscape(start.length() < answer.strip().length() ? start + "…" : start);
        return new SearchHit(hit.id(), hit.type(), hit.title(), snippet, hit.category(), hit.score());
    }

    /**
     * Few candidates means a word like 怎么 alone can reach the top three: keep only hits scoring at
     * least a share of the best one's, so an unrelated question is not offered as a precedent.
     */
    private static List<SearchHit> relevant(List<SearchHit> hits, int limit) {
        if (hits.isEmpty()) {
            return hits;
        }
        double floor = hits.get(0).score() * SHARE_OF_BEST;
        return hits.stream().filter(hit -> hit.score() >= floor).limit(limit).toList();
    }
}
