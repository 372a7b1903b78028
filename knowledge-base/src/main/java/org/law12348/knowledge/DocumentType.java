package org.law12348.knowledge;

/**
 * What a search document is: a published FAQ article or a statute article — or, never in the shared
 * index, an answered ticket ({@link SimilarAnsweredTickets} ranks those in memory for consultants).
 */
public enum DocumentType {
    FAQ,
    STATUTE,
    TICKET;

    /** The lower-case name used in the index and in JSON ({@code faq}, {@code statute}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DocumentType ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
