package org.law12348.ticketing.replies;

import java.time.Instant;

/**
 * A reply a unit's staff send often, with placeholders the workspace fills in when it is inserted:
 * {@code {{citizenName}}}, {@code {{ticketNumber}}}, {@code {{unitName}}}.
 */
public record CannedReply(long id, String unitCode, String title, String text, String updatedBy, Instant updatedAt) {
}
