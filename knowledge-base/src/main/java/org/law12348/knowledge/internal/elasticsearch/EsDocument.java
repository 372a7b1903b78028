package org.law12348.knowledge.internal.elasticsearch;

import org.law12348.knowledge.SearchDocument;

/**
 * A knowledge-base document as sent to Elasticsearch. Searches read it back without {@code body},
 * which the index stores as a field of its own and leaves out of {@code _source} (IndexDefinition).
 */
record EsDocument(String id, String type, String title, String body, String category) {

    static EsDocument of(SearchDocument doc) {
        return new EsDocument(doc.id(), doc.type().code(), doc.title(), doc.body(), doc.category());
    }
}
