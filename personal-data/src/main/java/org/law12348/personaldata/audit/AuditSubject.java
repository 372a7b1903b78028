package org.law12348.personaldata.audit;

import org.law12348.personaldata.privacy.MaskedValue;

/**
 * Whose data an audit entry is about: a ticket, a hotline call, and/or a citizen. A citizen is kept
 * masked (138****8000): the audit table cannot be erased, so it must not itself become the copy of
 * personal data an erasure would miss.
 */
public record AuditSubject(String ticketNumber, String callId, String citizen) {

    public static AuditSubject none() {
        return new AuditSubject(null, null, null);
    }

    public static AuditSubject ticket(String number) {
        return new AuditSubject(number, null, null);
    }

    public static AuditSubject call(String callId) {
        return new AuditSubject(null, callId, null);
    }

    public static AuditSubject citizen(MaskedValue phone) {
        return new AuditSubject(null, null, phone == null ? null : phone.masked());
    }

    public AuditSubject withCitizen(MaskedValue phone) {
        return new AuditSubject(ticketNumber, callId, phone == null ? null : phone.masked());
    }
}
