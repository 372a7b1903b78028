package org.law12348.knowledge;

import java.util.Objects;

/**
 * What the search index holds for one FAQ article or statute article. {@code title} is the question
 * (or "law + article number"), {@code body} the answer (or the statute text).
 */
public record SearchDocument(String id, DocumentType type, String title, String body, String category) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
    }

    /**
     * A statute article as both backends index it: titled "short law name + article number" (民法典
     * 第一千零七十九条), with the short law name as its category.
     */
    public static SearchDocument statute(String id, String law, String article, String text) {
        String shortLaw = StatuteRef.shortName(law);
        return new SearchDocument(id, DocumentType.STATUTE, shortLaw + " " + article, text, shortLaw);
    }

    /** The key that is unique in the index across both types. */
    public String key() {
        return type.code() + ":" + id;
    }
}
