package org.law12348.knowledge;

import java.time.Instant;
import java.util.List;

/** One version in an article's history, as it was saved. */
public record FaqRevision(String articleId, int revision, String question, String answer, String category,
                          List<String> citations, ArticleStatus status, String editor, Instant editedAt) {
}
