package org.law12348.personaldata.audit;

import java.time.Instant;

/** One row of the audit trail, as the administrators' search returns it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorRole, String action,
                         String ticketNumber, String callId, String citizen, String detail, String clientAddress,
                         String userAgent) {

    /** The Chinese name of the action, or the stored code when this build no longer knows it. */
    public String actionName() {
        try {
            return AuditAction.valueOf(action).chineseName();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }
}
