package org.law12348.telephony.internal.web;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.calls.CallerHistory;
import org.law12348.telephony.internal.web.CallViews.CallView;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.ComputedDeadline;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller card of a screen pop: who calls (masked as the member may see), from where, what they
 * chose in the IVR, their open tickets with live legal clocks and earlier calls. Building one is a read
 * of the caller's personal data and is audited like the caller-history endpoint.
 */
@Component
class CallerCards {

    record ClockLine(String ticketNumber, String name, String state, LocalDate dueDate) {
    }

    record CallerCard(String callId, String callerPhone, String regionCode, String regionName, String businessType,
                      String businessTypeName, String queue, String queueName, Instant startedAt, Instant answeredAt,
                      Integer waitSeconds, String ticketNumber, List<CallerHistory.OpenTicket> openTickets,
                      List<CallView> earlierCalls, List<ClockLine> clocks) {
    }

    private static final int HISTORY = 10;

    private final CallRecords records;
    private final CallerHistory history;
    private final CallViews views;
    private final LegalClockService clocks;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final TelephonyProperties properties;

    CallerCards(CallRecords records, CallerHistory history, CallViews views, LegalClockService clocks,
                PersonalDataCipher cipher, AuditTrail audit, TelephonyProperties properties) {
        this.records = records;
        this.history = history;
        this.views = views;
        this.clocks = clocks;
        this.cipher = cipher;
        this.audit = audit;
        this.properties = properties;
    }

    CallerCard of(CallRecord call, StaffMember staff) {
        CallView view = views.of(call, staff);
        String phone = call.callerPhone();
        List<CallerHistory.OpenTicket> open = phone == null ? List.of() : history.openTickets(phone, HISTORY).stream()
                .filter(t -> staff.role() != StaffRole.UNIT_HANDLER || t.handlingUnit().equals(staff.unitCode()))
                .map(t -> new CallerHistory.OpenTicket(t.number(), t.businessType(), t.status(),
                        staff.textIn(t.handlingUnit(), t.subject()), t.handlingUnit(), t.createdAt()))
                .toList();
        List<CallView> earlier = phone == null ? List.of() : records.findByCallerPhoneHashOrderByStartedAtDesc(
                        cipher.blindIndex(phone), PageRequest.of(0, HISTORY + 1)).stream()
                .filter(c -> !c.callId().equals(call.callId())).limit(HISTORY).map(c -> views.of(c, staff)).toList();
        List<ClockLine> live = liveClocks(open, staff);
        if (phone != null) {
            audit.read(staff, AuditAction.CALLER_HISTORY_VIEWED, AuditSubject.citizen(new PhoneNumber(phone)),
                    "来电弹屏（通话 " + call.callId() + "）：未办结工单" + open.size() + "件、通话" + earlier.size() + "次");
        }
        // a call that reached the queue without the IVR (the dialplan's fallback) has no choice recorded:
        // the queue tells the business type
        BusinessType type = call.businessType() != null ? call.businessType() : businessTypeOf(call.queue());
        return new CallerCard(call.callId(), view.callerPhone(), view.regionCode(), view.regionName(),
                type == null ? null : type.name(), type == null ? null : type.chineseName(), call.queue(), queueName(call.queue()), call.startedAt(),
                call.answeredAt(), call.waitSeconds(), call.ticketNumber(), open, earlier, live);
    }

    /** Clocks of the caller's open tickets that still run (no due date passed). */
    private List<ClockLine> liveClocks(List<CallerHistory.OpenTicket> open, StaffMember staff) {
        LocalDate today = clocks.today();
        List<ClockLine> lines = new ArrayList<>();
        for (CallerHistory.OpenTicket ticket : open) {
            for (ClockReading reading : clocks.forStaff(ticket.number(), staff)) {
                ComputedDeadline deadline = reading.deadline();
                LocalDate due = deadline == null ? null : deadline.dueDate();
                if (due == null || !due.isBefore(today)) {
                    lines.add(new ClockLine(ticket.number(), reading.name(),
                            deadline == null ? null : deadline.state().name(), due));
                }
            }
        }
        return lines;
    }

    private BusinessType businessTypeOf(String queue) {
        return properties.ivr().menu().values().stream().filter(e -> e.queue().equals(queue)).findFirst()
                .map(TelephonyProperties.MenuEntry::businessType).orElse(null);
    }

    /** A queue's Chinese label: the business type the IVR menu sends there. */
    String queueName(String queue) {
        if (queue == null) {
            return null;
        }
        return properties.ivr().menu().values().stream().filter(e -> e.queue().equals(queue)).findFirst()
                .map(e -> e.businessType().chineseName() + "队列").orElse(queue);
    }
}
