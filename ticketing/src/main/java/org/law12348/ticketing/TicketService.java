package org.law12348.ticketing;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What staff do to tickets. Every action checks the role, hides tickets the member may not see
 * (as not found, so numbers can't be probed), locks the ticket row, and writes its timeline entry
 * and outbox events in the same transaction.
 */
@Service
public class TicketService {

    private static final int MAX_ANSWER = 8000;
    private static final int MAX_NOTE = 2000;

    private final Tickets tickets;
    private final HandlingUnits units;
    private final TicketRouting routing;
    private final AuditTrail audit;
    private final Regions regions;
    private final Clock clock;

    TicketService(Tickets tickets, HandlingUnits units, TicketRouting routing, AuditTrail audit, Regions regions,
                  Clock clock) {
        this.regions = regions;
        this.tickets = tickets;
        this.audit = audit;
        this.units = units;
        this.routing = routing;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Ticket view(String number, StaffMember staff) {
        Ticket ticket = tickets.findWithTimeline(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!staff.canSee(ticket)) {
            throw new TicketNotFoundException(number);
        }
        return ticket;
    }

    @Transactional
    public Ticket accept(String number, StaffMember staff) {
        requireRole(staff, "受理工单", StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN);
        return change(number, staff, AuditAction.TICKET_ACCEPTED, null, t -> t.accept(staff.username(), clock.instant()));
    }

    @Transactional
    public Ticket answer(String number, String text, StaffMember staff) {
        requireRole(staff, "答复工单", StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN);
        String answer = requireText("text", text, 5, MAX_ANSWER);
        return change(number, staff, AuditAction.TICKET_ANSWERED, "答复" + answer.length() + "字", t -> t.answer(staff.username(), answer, clock.instant()));
    }

    @Transactional
    public Ticket reassign(String number, String unitCode, String reason, StaffMember staff) {
        requireRole(staff, "转派工单", StaffRole.DISPATCHER, StaffRole.ADMIN);
        String why = requireText("reason", reason, 2, MAX_NOTE);
        HandlingUnit unit = units.findActive(unitCode == null ? "" : unitCode.strip()).orElseThrow(() ->
                new InvalidInputException("unitCode", "unit.unknown", "承办单位不存在或已停用"));
        return change(number, staff, AuditAction.TICKET_REASSIGNED, "转派至" + unit.code() + "：" + why, t -> {
            int hours = routing.decide(new RoutingQuery(t.region(), t.businessType(), t.kind(), t.channel()))
                    .deadlineHours();
            RouteDecision route = new RouteDecision(unit.code(), RoutingQueue.UNIT, hours, "MANUAL");
            t.reassignTo(route, "转派至" + unit.name() + "：" + why, staff.username(), clock.instant());
        });
    }

    /**
     * Corrects the ticket's region or business type and sends it where the routing rules send the
     * corrected facts (dispatchers and admins).
     */
    @Transactional
    public Ticket reroute(String number, RegionCode region, BusinessType businessType, String reason,
                          StaffMember staff) {
        requireRole(staff, "重新分派工单", StaffRole.DISPATCHER, StaffRole.ADMIN);
        String why = requireText("reason", reason, 2, MAX_NOTE);
        if (region == null || businessType == null) {
            throw new InvalidInputException(region == null ? "regionCode" : "businessType", "field.required",
                    region == null ? "请选择行政区划" : "请选择业务类型");
        }
        return change(number, staff, AuditAction.TICKET_REROUTED,
                "更正为" + regions.fullName(region) + "/" + businessType.chineseName() + "：" + why, t -> {
            RouteDecision route = routing.decide(new RoutingQuery(region, businessType, t.kind(), t.channel()));
            HandlingUnit unit = units.findById(route.handlingUnit()).orElseThrow(() -> new IllegalStateException(
                    "Routing rule " + route.ruleId() + " names unknown unit " + route.handlingUnit()));
            String text = RouteTexts.rerouted(regions.fullName(t.region()) + "/" + t.businessType().chineseName(),
                    regions.fullName(region) + "/" + businessType.chineseName(), why, route, unit);
            t.reroute(region, businessType, route, text, staff.username(), clock.instant());
        });
    }

    /**
     * Merges a duplicate into the ticket the citizen keeps: the duplicate's text lands on the target's
     * timeline and the duplicate closes with a pointer. Both rows are locked in number order, so two
     * merges of the same pair cannot deadlock.
     */
    @Transactional
    public Ticket merge(String duplicateNumber, String targetNumber, String reason, StaffMember staff) {
        requireRole(staff, "合并工单", StaffRole.DISPATCHER, StaffRole.ADMIN);
        String why = requireText("reason", reason, 2, MAX_NOTE);
        String target = targetNumber == null ? "" : targetNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (!TicketNumber.isWellFormed(target)) {
            throw new InvalidInputException("target", "ticket.malformed", "请填写正确的目标工单编号");
        }
        boolean duplicateFirst = duplicateNumber.compareTo(target) < 0;
        Ticket first = lockVisible(duplicateFirst ? duplicateNumber : target, staff, duplicateFirst ? null : "target");
        Ticket second = lockVisible(duplicateFirst ? target : duplicateNumber, staff, duplicateFirst ? "target" : null);
        Ticket duplicate = duplicateFirst ? first : second;
        Ticket kept = duplicateFirst ? second : first;
        duplicate.mergeInto(kept, why, staff.username(), clock.instant());
        audit.change(staff, AuditAction.TICKET_MERGED, AuditSubject.ticket(duplicate.number()),
                "合并至" + kept.number() + "：" + why);
        return duplicate;
    }

    private Ticket lockVisible(String number, StaffMember staff, String field) {
        Ticket ticket = tickets.findForUpdate(number).filter(staff::canSee).orElse(null);
        if (ticket == null && field != null) {
            throw new InvalidInputException(field, "ticket.unknown", "目标工单不存在或无权查看");
        }
        if (ticket == null) {
            throw new TicketNotFoundException(number);
        }
        return ticket;
    }

    @Transactional
    public Ticket addNote(String number, String text, StaffMember staff) {
        String note = requireText("text", text, 1, MAX_NOTE);
        return change(number, staff, AuditAction.NOTE_ADDED, null, t -> t.addNote(staff.username(), note, clock.instant()));
    }

    /**
     * A note written by a channel's automation (the IVR, the call-back dialler), not by a staff member:
     * the timeline names {@code system}, the audit records it with the role {@code SYSTEM}. No module
     * has to pose as an administrator to see the ticket it took in itself.
     */
    @Transactional
    public Ticket addSystemNote(String number, String text, String system) {
        String note = requireText("text", text, 1, MAX_NOTE);
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        ticket.addNote(system, note, clock.instant());
        audit.changeBySystem(system, AuditAction.NOTE_ADDED, AuditSubject.ticket(ticket.number()), null);
        return ticket;
    }

    @Transactional
    public Ticket close(String number, String reason, StaffMember staff) {
        requireRole(staff, "办结工单", StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN);
        String why = reason == null || reason.isBlank() ? "办结" : requireText("reason", reason, 1, MAX_NOTE);
        return change(number, staff, AuditAction.TICKET_CLOSED, why, t -> t.close(staff.username(), why, clock.instant()));
    }

    private Ticket change(String number, StaffMember staff, AuditAction audited, String detail,
                          Consumer<Ticket> action) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!staff.canSee(ticket)) {
            throw new TicketNotFoundException(number);
        }
        action.accept(ticket);
        audit.change(staff, audited, AuditSubject.ticket(ticket.number()), detail);
        return ticket;
    }

    private static void requireRole(StaffMember staff, String action, StaffRole... roles) {
        if (!staff.hasRole(roles)) {
            throw new AccessDeniedException("你的角色不能" + action);
        }
    }

    /** Checks free text from outside (length, control characters) the way staff texts are checked. */
    public static String checkedText(String field, String raw, int max) {
        return requireText(field, raw, 1, max);
    }

    static String requireText(String field, String raw, int min, int max) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "field.required", "内容不能为空");
        }
        if (TextRules.hasControlCharacters(value, true)) {
            throw new InvalidInputException(field, "field.controlCharacters", "内容含有不可见的控制字符");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidInputException(field, "field.tooLong", "内容不能超过" + max + "个字");
        }
        if (length < min) {
            throw new InvalidInputException(field, "field.tooShort", "内容至少需要" + min + "个字");
        }
        return value;
    }
}
