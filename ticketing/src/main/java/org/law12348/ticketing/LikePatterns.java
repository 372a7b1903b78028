package org.law12348.ticketing;

/**
 * SQL {@code LIKE} patterns from text people type into a search box: {@code %}, {@code _} and the
 * escape character itself are taken literally (queries give {@code escape '\'}).
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** The text with its wildcards escaped. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches any value that contains the text. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
