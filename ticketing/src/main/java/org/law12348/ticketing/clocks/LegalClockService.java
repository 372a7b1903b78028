package org.law12348.ticketing.clocks;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.Tickets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The legal clocks of a ticket: staff who may see a ticket read its clocks, handlers of its unit,
 * dispatchers and admins add and edit them and record interruptions and suspensions. Citizens read
 * them through the same access checks as the ticket itself (the caller checks those).
 */
@Service
public class LegalClockService {

    /**
     * 民法典 第一百八十八条: no right is protected twenty years after the harm, so no older trigger makes sense
     * (staff's and the citizen's ask form's alike).
     */
    public static final int OLDEST_TRIGGER_YEARS = 20;

    private final Tickets tickets;
    private final LegalClocks clocks;
    private final ClockRules rules;
    private final HolidayArrangement holidays;
    private final AuditTrail audit;
    private final Clock clock;

    LegalClockService(Tickets tickets, LegalClocks clocks, ClockRules rules, HolidayArrangement holidays,
                      AuditTrail audit, Clock clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.rules = rules;
        this.holidays = holidays;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in China, the day "还剩N天" counts from. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockZone.CHINA));
    }

    @Transactional(readOnly = true)
    public List<ClockReading> forStaff(String number, StaffMember staff) {
        Ticket ticket = visible(number, staff);
        return read(ticket);
    }

    /** The clocks of a ticket the caller has already shown to be the citizen's own. */
    @Transactional(readOnly = true)
    public List<ClockReading> forCitizen(String number) {
        return read(tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number)));
    }

    @Transactional
    public ClockReading add(String number, String type, String triggerDate, StaffMember staff) {
        requireWriter(staff);
        Ticket ticket = lockVisible(number, staff);
        ClockRule rule = rule(type);
        LocalDate trigger = pastDate("triggerDate", triggerDate, today().minusYears(OLDEST_TRIGGER_YEARS));
        long id = clocks.add(ticket.id(), rule.type(), trigger, null, staff.username(), clock.instant());
        audit.change(staff, AuditAction.LEGAL_CLOCK_CHANGED, AuditSubject.ticket(number), "添加" + rule.name());
        return recompute(ticket, id);
    }

    @Transactional
    public ClockReading change(String number, long clockId, String type, String triggerDate, StaffMember staff) {
        requireWriter(staff);
        Ticket ticket = lockVisible(number, staff);
        LegalClock existing = existing(ticket, clockId);
        ClockRule rule = rule(type);
        LocalDate trigger = pastDate("triggerDate", triggerDate, today().minusYears(OLDEST_TRIGGER_YEARS));
        if (!existing.events().isEmpty() && trigger.isAfter(existing.events().get(0).date())) {
            throw new InvalidInputException("triggerDate", "triggerDate.afterEvents", "起算日不能晚于已记录的中断或中止");
        }
        clocks.change(clockId, rule.type(), trigger, staff.username(), clock.instant());
        audit.change(staff, AuditAction.LEGAL_CLOCK_CHANGED, AuditSubject.ticket(number), "修改" + rule.name());
        return recompute(ticket, clockId);
    }

    @Transactional
    public ClockReading addEvent(String number, long clockId, String kind, String date, StaffMember staff) {
        requireWriter(staff);
        Ticket ticket = lockVisible(number, staff);
        LegalClock existing = existing(ticket, clockId);
        LegalClock.EventKind eventKind = eventKind(kind, existing);
        LocalDate day = pastDate("date", date, existing.lastEventDate());
        clocks.addEvent(clockId, eventKind, day, staff.username(), clock.instant());
        audit.change(staff, AuditAction.LEGAL_CLOCK_CHANGED, AuditSubject.ticket(number), "记录" + eventKind.chinese());
        return recompute(ticket, clockId);
    }

    /**
     * Computes the running clocks again and corrects the stored due dates that changed: a release may
     * ship a new holiday file (the official 2027 notice replacing the provisional one), and reminders
     * follow the stored date. Answers how many dates changed.
     */
    @Transactional
    public int refreshDueDates() {
        clocks.moveOnPassedDeadlines(today());
        int changed = 0;
        for (LegalClocks.TicketRef ticket : clocks.withLiveClocks(today())) {
            for (LegalClock c : clocks.ofTicket(ticket.id(), ticket.number())) {
                ClockReading reading = reading(c);
                LocalDate due = reading.deadline() == null ? null : reading.deadline().dueDate();
                if (!Objects.equals(due, c.storedDueDate())) {
                    clocks.recordDueDate(c.id(), due, today());
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The tickets whose nearest legal deadline passed sort by their next one (or last, with none left). */
    @Transactional
    public int moveOnPassedDeadlines() {
        return clocks.moveOnPassedDeadlines(today());
    }

    private ClockReading recompute(Ticket ticket, long clockId) {
        LegalClock saved = existing(ticket, clockId);
        ClockReading reading = reading(saved);
        clocks.recordDueDate(clockId, reading.deadline() == null ? null : reading.deadline().dueDate(), today());
        return reading;
    }

    private List<ClockReading> read(Ticket ticket) {
        return clocks.ofTicket(ticket.id(), ticket.number()).stream().map(this::reading).toList();
    }

    private ClockReading reading(LegalClock c) {
        // the calendar of this moment: an administrator's edit takes effect with the next reading
        PeriodComputation computation = new PeriodComputation(holidays.current());
        return rules.find(c.type())
                .map(rule -> new ClockReading(c, rule, computation.compute(rule, c.triggerDate(), c.computationEvents())))
                .orElseGet(() -> new ClockReading(c, null, null));
    }

    private ClockRule rule(String type) {
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("type", "field.required", "请选择期限类型");
        }
        return rules.find(type.strip()).orElseThrow(() -> new InvalidInputException("type", "type.unknown",
                "不支持的期限类型：" + (type.length() > 40 ? type.substring(0, 40) : type)));
    }

    private static LegalClock.EventKind eventKind(String kind, LegalClock clock) {
        LegalClock.EventKind parsed;
        try {
            parsed = LegalClock.EventKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind.unknown", "事件类型应为 INTERRUPTION、SUSPENSION 或 RESUMPTION");
        }
        if (parsed == LegalClock.EventKind.RESUMPTION && !clock.suspended()) {
            throw new InvalidInputException("kind", "kind.notSuspended", "期限未处于中止状态，无需记录中止原因消除");
        }
        if (parsed != LegalClock.EventKind.RESUMPTION && clock.suspended()) {
            throw new InvalidInputException("kind", "kind.suspended", "期限正处于中止状态，请先记录中止原因消除");
        }
        return parsed;
    }

    /** A date (yyyy-MM-dd) not after today and not before {@code earliest}. */
    private LocalDate pastDate(String field, String raw, LocalDate earliest) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "field.required", "请填写日期");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "date.invalid", "日期格式应为 yyyy-MM-dd，例如 2026-03-14");
        }
        if (day.isAfter(today())) {
            throw new InvalidInputException(field, "date.future", "日期不能晚于今天");
        }
        if (day.isBefore(earliest)) {
            throw new InvalidInputException(field, "date.tooEarly", "日期不能早于" + ClockTexts.date(earliest));
        }
        return day;
    }

    private LegalClock existing(Ticket ticket, long clockId) {
        return clocks.find(ticket.id(), ticket.number(), clockId)
                .orElseThrow(() -> new LegalClockNotFoundException(ticket.number(), clockId));
    }

    private Ticket visible(String number, StaffMember staff) {
        return tickets.findByNumber(number).filter(staff::canSee).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Ticket lockVisible(String number, StaffMember staff) {
        return tickets.findForUpdate(number).filter(staff::canSee).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private static void requireWriter(StaffMember staff) {
        if (!staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能修改法律期限");
        }
    }
}
