package org.law12348.ticketing;

import org.law12348.personaldata.audit.AuditActor;
import org.law12348.personaldata.privacy.LogMasking;

import java.util.Set;

/**
 * The signed-in staff member an action is done by, with what their role lets them see.
 *
 * @param certification for a consultant, what their certification covers today; {@code null} for
 *                      other roles and for consultants whose certification is not approved and valid
 */
public record StaffMember(String username, StaffRole role, String unitCode, ConsultantScope certification)
        implements AuditActor {

    public StaffMember {
        if (certification != null && role != StaffRole.CONSULTANT) {
            throw new IllegalArgumentException("Only consultants hold a certification");
        }
    }

    /** A member of a role that needs no certification, or a consultant who holds none. */
    public StaffMember(String username, StaffRole role, String unitCode) {
        this(username, role, unitCode, null);
    }

    @Override
    public String auditRole() {
        return role.name();
    }

    public boolean hasRole(StaffRole... roles) {
        return Set.of(roles).contains(role);
    }

    /**
     * Whether this member may do staff work at all: every role may, except a consultant whose
     * certification is not approved and valid today (applied, rejected, expired, suspended, revoked),
     * who may only look after their own application and profile.
     */
    public boolean cleared() {
        return role != StaffRole.CONSULTANT || certification != null;
    }

    /**
     * Dispatchers and admins see every ticket, unit handlers their unit's, certified consultants the
     * pool questions of their fields and region, other consultants none.
     */
    public boolean canSee(Ticket ticket) {
        return switch (role) {
            case ADMIN, DISPATCHER -> true;
            case UNIT_HANDLER -> ticket.handlingUnit().equals(unitCode);
            case CONSULTANT -> certification != null && certification.covers(ticket);
        };
    }

    /**
     * Who sees a citizen's full phone and identity numbers: admins, and handlers of the unit the ticket
     * is assigned to, who call the citizen back. Dispatchers and consultants route and answer without
     * them, so they see masked numbers (138****1234, 110***********1234).
     */
    public boolean seesFullContactOf(Ticket ticket) {
        return seesFullContactIn(ticket.handlingUnit());
    }

    /** {@link #seesFullContactOf} for a ticket known only by its handling unit (a list read with SQL). */
    public boolean seesFullContactIn(String handlingUnit) {
        return role == StaffRole.ADMIN || role == StaffRole.UNIT_HANDLER && handlingUnit.equals(unitCode);
    }

    /** Caller numbers of hotline calls not tied to one unit's ticket: only admins see them in full. */
    public boolean seesFullCallerNumbers() {
        return role == StaffRole.ADMIN;
    }

    /** The ticket's contact phone as this member may see it, or {@code null}. */
    public String contactPhoneOf(Ticket ticket) {
        PhoneNumber phone = ticket.contact().phone();
        return phone == null ? null : seesFullContactOf(ticket) ? phone.value() : phone.masked();
    }

    /**
     * Free text of a ticket (subject, question, timeline entries) as this member may see it: the phone,
     * identity and account numbers typed into it are masked for whoever sees the contact fields masked.
     */
    public String textOf(Ticket ticket, String text) {
        return textIn(ticket.handlingUnit(), text);
    }

    /** {@link #textOf} for a ticket known only by its handling unit. */
    public String textIn(String handlingUnit, String text) {
        return text == null || seesFullContactIn(handlingUnit) ? text : LogMasking.mask(text);
    }

    /** The ticket's identity number as this member may see it, or {@code null}. */
    public String contactIdNumberOf(Ticket ticket) {
        CitizenIdNumber id = ticket.contact().idNumber();
        return id == null ? null : seesFullContactOf(ticket) ? id.value() : id.masked();
    }
}
