package org.law12348.knowledge.internal.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.knowledge.internal.LegalSynonyms;

import java.util.List;
import java.util.Map;

/**
 * Settings and mappings of a knowledge-base index. Mirrors the Lucene backend: smartcn words
 * ({@code analysis-smartcn} plugin) with the legal synonyms at search time, and CJK bigrams on the
 * title for as-you-type matching.
 */
final class IndexDefinition {

    /**
     * The layout of the fields and analysis below. Raise it with every change to them: start-up then
     * rebuilds an index an older version created (2: hits read from doc values, not from {@code _source}).
     */
    static final String LAYOUT = "3"; // 3: the question's pinyin (title_py)
    /** Where in the mapping's {@code _meta} an index records its layout. */
    static final String LAYOUT_KEY = "layout";
    /** The title as a hit shows it, read from doc values (the fields a hit shows are all doc values). */
    static final String SHOWN_TITLE = "title.shown";
    /** The question's pinyin tokens, split on spaces. */
    static final String TITLE_PINYIN = "title_py";

    private IndexDefinition() {
    }

    static String json() {
        Map<String, Object> words = Map.of("type", "custom", "tokenizer", "smartcn_tokenizer",
                "filter", List.of("cjk_width", "lowercase", "smartcn_stop", "kb_question_words"));
        Map<String, Object> wordsSearch = Map.of("type", "custom", "tokenizer", "smartcn_tokenizer",
                "filter", List.of("cjk_width", "lowercase", "smartcn_stop", "kb_question_words", "kb_synonyms"));
        Map<String, Object> settings = Map.of(
                "number_of_shards", 1,
                "analysis", Map.of(
                        "filter", Map.of(
                                "kb_synonyms", Map.of("type", "synonym_graph", "synonyms", LegalSynonyms.rules()),
                                "kb_question_words", Map.of("type", "stop", "stopwords", LegalSynonyms.stopwords())),
                        "analyzer", Map.of("kb_words", words, "kb_words_search", wordsSearch)));
        // offsets in the postings let the highlighter find the matches without analysing every hit's
        // body again with smartcn, which cost most of a search's CPU on the node; the body is a stored
        // field of its own and not in _source, so a hit's highlight reads it without parsing the JSON
        // source and the fetch phase no longer turns every hit's whole body into a map and filters it
        Map<String, Object> body = Map.of("type", "text", "analyzer", "kb_words", "search_analyzer", "kb_words_search",
                "index_options", "offsets", "store", true);
        Map<String, Object> title = Map.of("type", "text", "analyzer", "kb_words", "search_analyzer", "kb_words_search",
                "fields", Map.of("cjk", Map.of("type", "text", "analyzer", "cjk"),
                        "shown", Map.of("type", "keyword", "index", false)));
        // documents are indexed from the database (rebuilds included), never from _source; searches
        // read a hit's id, type, title and category from doc values and load no stored field for it:
        // the stored-fields block that holds a hit is decompressed once, for the highlighter's body
        Map<String, Object> mappings = Map.of("_meta", Map.of(LAYOUT_KEY, LAYOUT),
                "_source", Map.of("excludes", List.of("body")), "properties", Map.of(
                "id", Map.of("type", "keyword"),
                "type", Map.of("type", "keyword"),
                "category", Map.of("type", "keyword"),
                "title", title,
                "body", body,
                // the question's pinyin tokens (KnowledgePinyin), computed in Java: no pinyin plugin needed
                TITLE_PINYIN, Map.of("type", "text", "analyzer", "whitespace", "index_options", "freqs")));
        try {
            return new ObjectMapper().writeValueAsString(Map.of("settings", settings, "mappings", mappings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
