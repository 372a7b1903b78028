package org.law12348.knowledge;

/**
 * One search result. {@code snippet} is HTML-safe: the document text is escaped and the matched
 * words are wrapped in {@code <em>…</em>}; {@code title} is plain text.
 */
public record SearchHit(String id, DocumentType type, String title, String snippet, String category, double score) {
}
