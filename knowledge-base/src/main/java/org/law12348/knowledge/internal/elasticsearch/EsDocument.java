package org.law12348.knowledge.internal.elasticsearch;

import org.law12348.knowledge.SearchDocument;
import org.law12348.knowledge.internal.KnowledgePinyin;

/**
 * A knowledge-base document as sent to Elasticsearch. The index stores {@code body} as a field of its
 * own and leaves it out of {@code _source}; searches read neither back but doc values (IndexDefinition).
 */
record EsDocument(String id, String type, String title, String body, String category,
                  @com.fasterxml.jackson.annotation.JsonProperty(IndexDefinition.TITLE_PINYIN) String titlePinyin) {

    static EsDocument of(SearchDocument doc) {
        return new EsDocument(doc.id(), doc.type().code(), doc.title(), doc.body(), doc.category(),
                KnowledgePinyin.text(doc.title()));
    }
}
