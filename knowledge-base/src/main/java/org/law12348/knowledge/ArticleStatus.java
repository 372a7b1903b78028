package org.law12348.knowledge;

/** Lifecycle of an FAQ article; citizens only ever see published ones. */
public enum ArticleStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    ARCHIVED("已归档");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
