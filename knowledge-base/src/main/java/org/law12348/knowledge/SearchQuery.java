package org.law12348.knowledge;

/**
 * A validated search: plain user text (never query syntax, normalised by {@link KnowledgeText}), an
 * optional category and type filter, and how many hits to return.
 */
public record SearchQuery(String text, String category, DocumentType type, int limit) {

    public static final int MAX_LIMIT = 50;

    public SearchQuery {
        text = KnowledgeText.oneLine(text);
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Search text must not be blank");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
