package org.law12348.knowledge;

import java.util.List;

/**
 * What a bulk import did. Good lines are imported even when others are bad; each bad line is
 * reported with its 1-based line number and a Chinese reason.
 *
 * @param flaggedForReview FAQ articles flagged for review because a statute they cite changed
 */
public record ImportReport(int lines, int created, int updated, int unchanged, int flaggedForReview,
                           List<LineError> errors) {

    /** A line that was not imported. */
    public record LineError(int line, String field, String message) {
    }

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public int imported() {
        return created + updated + unchanged;
    }
}
