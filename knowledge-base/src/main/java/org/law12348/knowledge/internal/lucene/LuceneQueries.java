package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.Suggestion;
import org.law12348.knowledge.internal.KnowledgePinyin;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns plain user text into Lucene queries through the analysers only (never a query parser, so
 * no input is syntax), runs them and highlights the answers.
 */
final class LuceneQueries {

    static final int SNIPPET_LENGTH = 120;
    private static final float TITLE_BOOST = 3f;
    private static final float BIGRAM_BOOST = 1f;
    private static final float SUGGEST_MIN_MATCH = 0.75f;
    /** What a suggestion shows: everything but the long body. */
    private static final Set<String> RESULT_FIELDS = Set.of(LuceneFields.ID, LuceneFields.TYPE, LuceneFields.TITLE,
            LuceneFields.CATEGORY);
    /** What a search hit needs: the suggestion fields and the body to highlight. */
    private static final Set<String> HIT_FIELDS = Set.of(LuceneFields.ID, LuceneFields.TYPE, LuceneFields.TITLE,
            LuceneFields.CATEGORY, LuceneFields.BODY);

    private final QueryBuilder words;
    private final Analyzer highlightAnalyzer;

    LuceneQueries(Analyzer queryAnalyzer, Analyzer indexAnalyzer) {
        this.words = new QueryBuilder(queryAnalyzer);
        this.words.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.highlightAnalyzer = indexAnalyzer;
    }

    List<SearchHit> search(IndexSearcher searcher, SearchQuery query) throws IOException {
        // one flat disjunction over all fields lets Lucene skip non-competitive documents (block-max WAND)
        BooleanQuery.Builder full = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        Query body = words.createBooleanQuery(LuceneFields.BODY, query.text());
        int clauses = addFlattened(full, words.createBooleanQuery(LuceneFields.TITLE, query.text()), TITLE_BOOST);
        clauses += addFlattened(full, body, 1f);
        clauses += addFlattened(full, words.createBooleanQuery(LuceneFields.TITLE + ChineseAnalyzers.CJK_SUFFIX,
                query.text()), BIGRAM_BOOST);
        if (query.pinyinWeight() > 0) {
            // what the text sounds like against what the questions sound like: homophone typos
            for (String token : new LinkedHashSet<>(KnowledgePinyin.tokens(query.text()))) {
                full.add(new BoostQuery(new TermQuery(new Term(LuceneFields.TITLE_PINYIN, token)),
                        (float) query.pinyinWeight()), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        if (query.category() != null) {
            full.add(new TermQuery(new Term(LuceneFields.CATEGORY, query.category())), BooleanClause.Occur.FILTER);
        }
        if (query.type() != null) {
            full.add(new TermQuery(new Term(LuceneFields.TYPE, query.type().code())), BooleanClause.Occur.FILTER);
        }
        Query q = full.build();
        TopDocs top = searcher.search(q, query.limit());
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        // one stored-fields read per hit serves both the result and the highlighter
        Document[] docs = new Document[top.scoreDocs.length];
        Map<Integer, String> bodies = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            docs[i] = searcher.storedFields().document(top.scoreDocs[i].doc, HIT_FIELDS);
            bodies.put(top.scoreDocs[i].doc, docs[i].get(LuceneFields.BODY));
        }
        // only the body clauses can match the body: the rest would cost term lookups for nothing
        String[] snippets = body == null ? new String[docs.length]
                : highlighter(searcher, bodies).highlight(LuceneFields.BODY, body, top, 1);
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = docs[i];
            hits.add(new SearchHit(doc.get(LuceneFields.ID), DocumentType.ofCode(doc.get(LuceneFields.TYPE)),
                    doc.get(LuceneFields.TITLE), snippets[i] == null ? "" : snippets[i],
                    doc.get(LuceneFields.CATEGORY), top.scoreDocs[i].score));
        }
        return hits;
    }

    List<Suggestion> suggest(IndexSearcher searcher, String typed, int limit) throws IOException {
        Query bigrams = words.createMinShouldMatchQuery(LuceneFields.TITLE + ChineseAnalyzers.CJK_SUFFIX,
                typed, SUGGEST_MIN_MATCH);
        if (bigrams == null) {
            return List.of();
        }
        Query q = new BooleanQuery.Builder()
                .add(bigrams, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(LuceneFields.TYPE, DocumentType.FAQ.code())), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(q, limit);
        List<Suggestion> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Document doc = searcher.storedFields().document(sd.doc, RESULT_FIELDS);
            out.add(new Suggestion(doc.get(LuceneFields.ID), doc.get(LuceneFields.TITLE),
                    doc.get(LuceneFields.CATEGORY)));
        }
        return out;
    }

    /** Adds the SHOULD clauses of a per-field query (or the query itself) to the top level; returns how many. */
    private static int addFlattened(BooleanQuery.Builder builder, Query query, float boost) {
        if (query == null) {
            return 0;
        }
        List<Query> parts = new ArrayList<>();
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            bool.clauses().forEach(c -> parts.add(c.getQuery()));
        } else {
            parts.add(query);
        }
        parts.forEach(p -> builder.add(boost == 1f ? p : new BoostQuery(p, boost), BooleanClause.Occur.SHOULD));
        return parts.size();
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, String> bodies) {
        return new LoadedBodyHighlighter(UnifiedHighlighter.builder(searcher, highlightAnalyzer)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.CHINA), SNIPPET_LENGTH, 0.3f))
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                // term-by-term offsets: the weight-matches mode re-created a terms enum per term and hit
                .withWeightMatches(false), bodies);
    }
}
