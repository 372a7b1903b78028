package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketLookup;
import org.law12348.ticketing.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What staff do about calls: write the duty lawyer's summary onto a ticket, and ask for a call back. */
@Component
public class StaffCallDesk {

    private static final Logger log = LoggerFactory.getLogger(StaffCallDesk.class);
    private static final int LOCK_ATTEMPTS = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The ticket a summary went to, and whether the summary created it. */
    public record Summary(String ticketNumber, boolean created) {
    }

    private final CallLog calls;
    private final TicketService tickets;
    private final TicketLookup lookup;
    private final IntakeGate intake;
    private final CallbackTasks callbacks;
    private final ServiceHours hours;
    private final TransactionTemplate transactions;
    private final TelephonyProperties properties;
    private final RecordingAttacher recording;
    private final Clock clock;

    StaffCallDesk(CallLog calls, TicketService tickets, TicketLookup lookup, IntakeGate intake, CallbackTasks callbacks,
                  ServiceHours hours, TransactionTemplate transactions, TelephonyProperties properties,
                  RecordingAttacher recording, Clock clock) {
        this.recording = recording;
        this.calls = calls;
        this.tickets = tickets;
        this.lookup = lookup;
        this.intake = intake;
        this.callbacks = callbacks;
        this.hours = hours;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Attaches the summary to the call's ticket (or the one named), or creates a PHONE ticket from it,
     * keyed by the call id so a resubmitted summary does not make a second ticket; the call's recording
     * goes onto that ticket as an attachment.
     */
    public Summary summarize(CallRecord call, String text, String ticketNumber, String businessType,
                             String regionCode, StaffMember staff) {
        String target = ticketNumber != null && !ticketNumber.isBlank() ? ticketNumber.strip() : call.ticketNumber();
        if (target != null) {
            tickets.addNote(target, "通话小结（" + call.callId() + "）：" + (text == null ? "" : text.strip()), staff);
            calls.update(call.callId(), c -> c.linkTicket(target));
            recording.attach(call, target);
            return new Summary(target, false);
        }
        String type = businessType != null ? businessType
                : call.businessType() != null ? call.businessType().name() : BusinessType.LEGAL_CONSULTATION.name();
        String region = regionCode != null ? regionCode
                : call.regionCode() != null ? call.regionCode() : properties.defaultRegion();
        var result = intake.receive(IntakeRequest.fromCall(call.callId(), type, region, text, call.callerPhone()));
        calls.update(call.callId(), c -> c.linkTicket(result.ticketNumber()));
        recording.attach(call, result.ticketNumber());
        log.info("Summary of call {} by {} went to ticket {}", call.callId(), staff.username(), result.ticketNumber());
        return new Summary(result.ticketNumber(), result.created());
    }

    /**
     * The ticket a call back of this call goes on: the call's own, or a new PHONE ticket made from the
     * call (a missed call has none), so the attempts and their outcome land on a timeline. Keyed by the
     * call id like a summary, so dialling the same call twice, or summarising it afterwards, finds this
     * ticket instead of making another.
     */
    public String ticketForCallback(CallRecord call, StaffMember staff) {
        if (call.ticketNumber() != null) {
            return call.ticketNumber();
        }
        if (call.callerPhone() == null) {
            throw new InvalidInputException("callId", "call.noCallerNumber", "这通来电没有来电号码，无法回拨");
        }
        String type = call.businessType() != null ? call.businessType().name() : BusinessType.LEGAL_CONSULTATION.name();
        String region = call.regionCode() != null ? call.regionCode() : properties.defaultRegion();
        String text = "热线来电（" + TIME.format(call.startedAt().atZone(properties.hours().zone()))
                + (call.outcome() == null ? "" : "，" + call.outcome().chineseName()) + "），由工作人员回拨";
        var result = intake.receive(IntakeRequest.fromCall(call.callId(), type, region, text, call.callerPhone()));
        calls.update(call.callId(), c -> c.linkTicket(result.ticketNumber()));
        recording.attach(call, result.ticketNumber());
        log.info("Call back of call {} by {}: ticket {}{}", call.callId(), staff.username(), result.ticketNumber(),
                result.created() ? " created" : "");
        return result.ticketNumber();
    }

    /**
     * Books a call back on a ticket, due now if the line is open, else at the next opening, as one
     * transaction: the ticket's row lock first, then the task and its timeline note, so a booking either
     * commits whole or not at all. Right after intake the outbox relay holds that lock while the process
     * engine starts the ticket's process (seconds on a cold H2, beyond H2's 2 s lock timeout), so a
     * booking that times out on the lock is tried again a few times. Booking the same number again while
     * a callback to it is still open (a retried request) answers that callback instead of a second one.
     */
    public CallbackTask requestCallback(String number, String phone, String agentExtension, StaffMember staff) {
        String extension = agentExtension == null || agentExtension.isBlank()
                ? properties.callback().defaultAgentExtension() : agentExtension.strip();
        if (!extension.matches("[0-9A-Za-z_-]{1,32}")) {
            throw new InvalidInputException("agentExtension", "agentExtension.invalid", "坐席分机号格式不正确");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> book(number, phone, extension, staff));
            } catch (PessimisticLockingFailureException busy) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw busy;
                }
                log.info("Ticket {} is locked by another change; booking its call back again ({})", number, attempt);
            }
        }
    }

    private CallbackTask book(String number, String phone, String extension, StaffMember staff) {
        Ticket ticket = tickets.view(number, staff);
        PhoneNumber target = phone != null && !phone.isBlank() ? new PhoneNumber(phone) : ticket.contact().phone();
        if (target == null) {
            throw new InvalidInputException("phone", "phone.required", "工单没有联系电话，请填写回拨号码");
        }
        lookup.lockForChange(ticket.number());
        Optional<CallbackTask> open = callbacks.findByTicketNumberOrderByCreatedAtDesc(ticket.number()).stream()
                .filter(t -> t.reason() == CallbackTask.Reason.STAFF_REQUEST && t.isOpen()
                        && target.value().equals(t.phone()))
                .findFirst();
        if (open.isPresent()) {
            log.info("Call back of {} for ticket {} is already booked", target.masked(), ticket.number());
            return open.get();
        }
        Instant now = clock.instant();
        Instant due = hours.nextOpening(now).orElse(now);
        CallbackTask task = callbacks.save(new CallbackTask(ticket.number(), null, target.value(), extension,
                CallbackTask.Reason.STAFF_REQUEST, due, staff.username(), now));
        tickets.addNote(ticket.number(), "已安排回拨 " + target.masked() + "，坐席分机 " + extension, staff);
        log.info("Call back of {} for ticket {} due {}", target.masked(), ticket.number(), due);
        return task;
    }
}
