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
                "fields", Map.of("cjk", Map.of("type", "text", "analyzer", "cjk")));
        // documents are indexed from the database (rebuilds included), never from _source
        Map<String, Object> mappings = Map.of("_source", Map.of("excludes", List.of("body")), "properties", Map.of(
                "id", Map.of("type", "keyword"),
                "type", Map.of("type", "keyword"),
                "category", Map.of("type", "keyword"),
                "title", title,
                "body", body));
        try {
            return new ObjectMapper().writeValueAsString(Map.of("settings", settings, "mappings", mappings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
