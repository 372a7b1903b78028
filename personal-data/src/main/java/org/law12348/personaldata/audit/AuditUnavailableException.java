package org.law12348.personaldata.audit;

/**
 * The audit row could not be written, so the read or change it belongs to must not happen: callers
 * let it propagate and the web layer answers 503.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(AuditAction action, Throwable cause) {
        super("Audit entry " + action + " could not be written", cause);
    }
}
