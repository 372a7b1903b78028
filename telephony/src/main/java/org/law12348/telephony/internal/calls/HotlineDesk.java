package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.TicketService;
import org.law12348.telephony.internal.ivr.RegionResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what happened on a call into tickets: a recorded message, or a booked call back. One call has
 * at most one ticket (intake is keyed by the call id), and a step the dialplan runs again for the same
 * call finds the ticket on the call record and adds to it: no second intake, so no duplicate refused
 * by the database and no ticket number drawn for nothing.
 */
@Component
public class HotlineDesk {

    private static final Logger log = LoggerFactory.getLogger(HotlineDesk.class);
    /** How the IVR signs what it writes on tickets. */
    private static final String IVR = "12348-ivr";

    /** What the IVR learned about the caller. */
    public record Caller(String callId, PhoneNumber phone, RegionCode region, BusinessType businessType) {
    }

    private final IntakeGate intake;
    private final CallLog calls;
    private final CallbackTasks callbacks;
    private final TicketService tickets;
    private final RegionResolver regions;
    private final TransactionTemplate transactions;
    private final TelephonyProperties properties;
    private final Clock clock;

    HotlineDesk(IntakeGate intake, CallLog calls, CallbackTasks callbacks, TicketService tickets,
                RegionResolver regions, TransactionTemplate transactions, TelephonyProperties properties,
                Clock clock) {
        this.intake = intake;
        this.calls = calls;
        this.callbacks = callbacks;
        this.tickets = tickets;
        this.regions = regions;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A message was recorded: a PHONE ticket that names the recording, linked to the call, or a note on
     * the ticket an earlier step of the call made. Returns the ticket number.
     */
    public String messageLeft(Caller caller, String recordingFile) {
        Optional<String> earlier = ticketOf(caller.callId());
        if (earlier.isPresent()) {
            tickets.addSystemNote(earlier.get(), "来电人通过热线补充语音留言，录音文件 " + recordingFile + "。", IVR);
            calls.update(caller.callId(), c -> c.messageLeft(recordingFile, earlier.get()));
            log.info("Call {} left a message on its ticket {}", caller.callId(), earlier.get());
            return earlier.get();
        }
        String text = "热线留言：来电人通过12348热线语音留言，录音文件 " + recordingFile + "。业务类型："
                + caller.businessType().chineseName() + "；来电地区：" + regions.nameOf(caller.region()) + "。";
        IntakeResult ticket = intake.receive(request(caller, caller.businessType().chineseName() + "热线留言", text));
        calls.update(caller.callId(), c -> c.messageLeft(recordingFile, ticket.ticketNumber()));
        log.info("Call {} left a message, ticket {}", caller.callId(), ticket.ticketNumber());
        return ticket.ticketNumber();
    }

    /**
     * The caller asked to be called back: a PHONE ticket (or the one an earlier step of the call made)
     * and one callback task for the call, held until the call has ended ({@link CallLog#ended}), due no
     * earlier than {@code dueAt}. Returns the ticket number.
     */
    public String callbackBooked(Caller caller, Instant dueAt) {
        String number = ticketOf(caller.callId()).orElseGet(() -> {
            String text = "热线预约回拨：来电人选择不排队等待，请在服务时间内回拨。业务类型："
                    + caller.businessType().chineseName() + "；来电地区：" + regions.nameOf(caller.region()) + "。";
            return intake.receive(request(caller, caller.businessType().chineseName() + "预约回拨", text)).ticketNumber();
        });
        transactions.executeWithoutResult(status -> {
            if (callbacks.findByCallIdAndReason(caller.callId(), CallbackTask.Reason.CALLER_REQUEST).isEmpty()) {
                callbacks.save(new CallbackTask(number, caller.callId(), caller.phone().value(),
                        properties.callback().defaultAgentExtension(), CallbackTask.Reason.CALLER_REQUEST, dueAt,
                        "ivr", clock.instant()).afterTheCall());
            }
        });
        calls.update(caller.callId(), c -> c.callbackBooked(number));
        log.info("Call {} booked a callback for {}, ticket {}", caller.callId(), dueAt, number);
        return number;
    }

    /** The ticket an earlier step of this call made, as the call record links it. */
    public Optional<String> ticketOf(String callId) {
        return calls.find(callId).map(CallRecord::ticketNumber);
    }

    private IntakeRequest request(Caller caller, String subject, String text) {
        return IntakeRequest.fromCall(caller.callId(), caller.businessType().name(), caller.region().value(), text,
                caller.phone() == null ? null : caller.phone().value()).withSubject(subject);
    }
}
