package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps post-call ratings: on the call, as a note on the call's ticket, and for a rating of 1 or 2 a
 * supervisor's call back (Anhui's rule: every dissatisfied caller is called back).
 */
@Component
public class SurveyDesk {

    private static final Logger log = LoggerFactory.getLogger(SurveyDesk.class);
    /** How the IVR signs what it writes on tickets. */
    private static final String IVR = "12348-ivr";
    private static final int DISSATISFIED = 2;

    private final CallLog calls;
    private final TicketService tickets;
    private final IntakeGate intake;
    private final CallbackTasks callbacks;
    private final ServiceHours hours;
    private final TransactionTemplate transactions;
    private final TelephonyProperties properties;
    private final Clock clock;

    SurveyDesk(CallLog calls, TicketService tickets, IntakeGate intake, CallbackTasks callbacks,
               ServiceHours hours, TransactionTemplate transactions, TelephonyProperties properties, Clock clock) {
        this.calls = calls;
        this.tickets = tickets;
        this.intake = intake;
        this.callbacks = callbacks;
        this.hours = hours;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Keeps a rating. Idempotent per call: when the dialplan runs the survey again for the same call, the
     * rating is updated but neither the note nor the supervisor's call back is made a second time.
     */
    public void rated(String callId, String callerIdNumber, int rating) {
        boolean ratedBefore = calls.find(callId).map(CallRecord::rating).isPresent();
        calls.record(callId, null, clock.instant(), c -> c.rate(rating));
        CallRecord call = calls.find(callId).orElseThrow();
        String ticket = call.ticketNumber();
        if (ticket != null && !ratedBefore) {
            tickets.addSystemNote(ticket, "来电满意度评价：" + rating + " 分（1-5分）", IVR);
        }
        log.info("Call rated {}", rating);
        if (rating > DISSATISFIED) {
            return;
        }
        if (call.callerPhone() == null) {
            log.warn("Dissatisfied caller withheld the number; no call back possible");
            return;
        }
        if (ticket == null) {
            ticket = intake.receive(IntakeRequest.fromCall(callId + "-survey", BusinessType.COMPLAINT.name(),
                    call.regionCode() == null ? properties.defaultRegion() : call.regionCode(),
                    "来电人对12348热线服务评价为 " + rating + " 分（不满意），请督导人员回访。", call.callerPhone())
                    .withSubject("热线服务不满意回访")).ticketNumber();
            String linked = ticket;
            calls.update(callId, c -> c.linkTicket(linked));
        }
        Instant due = hours.nextOpening(clock.instant()).orElse(clock.instant());
        String number = ticket;
        boolean booked = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!callbacks.findByCallIdAndReason(callId, CallbackTask.Reason.LOW_RATING).isEmpty()) {
                return false;
            }
            callbacks.save(new CallbackTask(number, callId, call.callerPhone(),
                    properties.callback().supervisorExtension(), CallbackTask.Reason.LOW_RATING, due, "survey",
                    clock.instant()));
            return true;
        }));
        if (booked) {
            log.info("Supervisor call back due {} for ticket {}", due, number);
        }
    }
}
