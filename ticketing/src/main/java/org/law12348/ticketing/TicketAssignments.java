package org.law12348.ticketing;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who works a ticket: the staff members a ticket can be assigned to, and the assignment itself.
 * A ticket goes to a handler of its own unit or to the centre's dispatchers and admins, who work
 * every unit's tickets; consultants claim pool questions themselves and are never assigned.
 */
@Service
public class TicketAssignments {

    /** The assignee's word for the member doing the assigning. */
    public static final String ME = "me";
    private static final Set<StaffRole> ASSIGNABLE = EnumSet.of(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER,
            StaffRole.ADMIN);

    private final Tickets tickets;
    private final StaffAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    TicketAssignments(Tickets tickets, StaffAccounts accounts, AuditTrail audit, Clock clock) {
        this.tickets = tickets;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The staff a member may pick from: a handler sees their own unit's, dispatchers and admins every
     * unit's (or one unit's with {@code unitCode}), the centre's dispatchers and admins among them.
     */
    @Transactional(readOnly = true)
    public List<StaffAccount> members(String unitCode, StaffMember staff) {
        requireRole(staff);
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (staff.role() == StaffRole.UNIT_HANDLER) {
            if (unit != null && !unit.equals(staff.unitCode())) {
                throw new AccessDeniedException("承办人只能查看本单位的人员");
            }
            unit = staff.unitCode();
        }
        String only = unit;
        return accounts.findByEnabledTrueAndRoleInOrderByUsername(ASSIGNABLE).stream()
                .filter(a -> only == null || only.equals(a.unitCode()))
                .toList();
    }

    /**
     * Assigns the ticket to {@code username} ({@link #ME} for the member themself), or to nobody when
     * it is null or blank. Unknown people and handlers of other units are refused naming
     * {@code username}; tickets the member may not see are not found.
     */
    @Transactional
    public Ticket assign(String number, String username, StaffMember staff) {
        requireRole(staff);
        String wanted = username == null || username.isBlank() ? null
                : ME.equals(username.strip()) ? staff.username() : username.strip();
        Ticket ticket = tickets.findForUpdate(number).filter(staff::canSee)
                .orElseThrow(() -> new TicketNotFoundException(number));
        StaffAccount person = wanted == null ? null : accounts.findById(wanted).filter(StaffAccount::enabled)
                .orElseThrow(() -> new InvalidInputException("username", "assignee.unknown", "没有该工作人员"));
        if (person != null && !mayWork(person, ticket)) {
            throw new InvalidInputException("username", "assignee.notInUnit", "该工作人员不属于工单的承办单位");
        }
        String description = person == null ? "取消指派" : "指派给" + person.displayName();
        ticket.assignTo(wanted, description, staff.username(), clock.instant());
        audit.change(staff, AuditAction.TICKET_ASSIGNED, AuditSubject.ticket(ticket.number()),
                person == null ? "取消指派" : "指派给" + person.username());
        return ticket;
    }

    private static boolean mayWork(StaffAccount person, Ticket ticket) {
        return person.role() == StaffRole.DISPATCHER || person.role() == StaffRole.ADMIN
                || person.role() == StaffRole.UNIT_HANDLER && ticket.handlingUnit().equals(person.unitCode());
    }

    private static void requireRole(StaffMember staff) {
        if (!staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能指派工单");
        }
    }
}
