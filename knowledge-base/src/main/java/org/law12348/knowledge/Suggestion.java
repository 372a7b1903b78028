package org.law12348.knowledge;

/** An as-you-type suggestion: a published FAQ question the citizen may be about to ask. */
public record Suggestion(String id, String title, String category) {
}
