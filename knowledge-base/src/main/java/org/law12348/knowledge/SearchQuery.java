package org.law12348.knowledge;

/**
 * A validated search: plain user text (never query syntax, normalised by {@link KnowledgeText}), an
 * optional category and type filter, how many hits to return, and the weight of the text's pinyin
 * against the questions' pinyin (homophone typos; 0 = not asked, the default).
 */
public record SearchQuery(String text, String category, DocumentType type, int limit, double pinyinWeight) {

    public static final int MAX_LIMIT = 50;

    public SearchQuery {
        text = KnowledgeText.oneLine(text);
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Search text must not be blank");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (!(pinyinWeight >= 0) || Double.isInfinite(pinyinWeight)) {
            throw new IllegalArgumentException("pinyinWeight must be a finite number >= 0");
        }
    }

    /** A search by words only (no pinyin). */
    public SearchQuery(String text, String category, DocumentType type, int limit) {
        this(text, category, type, limit, 0);
    }

    /** The same search with another limit and pinyin weight. */
    public SearchQuery with(int newLimit, double newPinyinWeight) {
        return new SearchQuery(text, category, type, newLimit, newPinyinWeight);
    }
}
