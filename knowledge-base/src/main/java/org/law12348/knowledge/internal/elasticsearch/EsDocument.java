package org.law12348.knowledge.internal.elasticsearch;

import org.law12348.knowledge.SearchDocument;

/** The JSON source of a knowledge-base document in Elasticsearch. */
record EsDocument(String id, String type, String title, String body, String category) {

    static EsDocument of(SearchDocument doc) {
        return new EsDocument(doc.id(), doc.type().code(), doc.title(), doc.body(), doc.category());
    }
}
