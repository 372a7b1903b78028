package org.law12348.personaldata.audit;

/** Someone signed in whose reads and changes the audit trail records: a name and a role. */
public interface AuditActor {

    String username();

    /** The role's English name as the trail stores it, e.g. {@code DISPATCHER}. */
    String auditRole();
}
