package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.law12348.telephony.internal.ivr.RegionResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns what happened on a call into tickets: a recorded message, or a booked call back. Intake is
 * keyed by the call id, so a retried step never makes a second ticket for the same call.
 */
@Component
public class HotlineDesk {

    private static final Logger log = LoggerFactory.getLogger(HotlineDesk.class);

    /** What the IVR learned about the caller. */
    public record Caller(String callId, PhoneNumber phone, RegionCode region, BusinessType businessType) {
    }

    private final IntakeGate intake;
    private final CallLog calls;
    private final CallbackTasks callbacks;
    private final RegionResolver regions;
    private final TransactionTemplate transactions;
    private final TelephonyProperties properties;
    private final Clock clock;

    HotlineDesk(IntakeGate intake, CallLog calls, CallbackTasks callbacks, RegionResolver regions,
                TransactionTemplate transactions, TelephonyProperties properties, Clock clock) {
        this.intake = intake;
        this.calls = calls;
        this.callbacks = callbacks;
        this.regions = regions;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A message was recorded: a PHONE ticket that names the recording, linked to the call. */
    public IntakeResult messageLeft(Caller caller, String recordingFile) {
        String text = "热线留言：来电人通过12348热线语音留言，录音文件 " + recordingFile + "。业务类型："
                + caller.businessType().chineseName() + "；来电地区：" + regions.nameOf(caller.region()) + "。";
        IntakeResult ticket = intake.receive(request(caller, caller.businessType().chineseName() + "热线留言", text));
        calls.update(caller.callId(), c -> c.messageLeft(recordingFile, ticket.ticketNumber()));
        log.info("Call {} left a message, ticket {}", caller.callId(), ticket.ticketNumber());
        return ticket;
    }

    /** The caller asked to be called back: a PHONE ticket and a callback task due at {@code dueAt}. */
    public IntakeResult callbackBooked(Caller caller, Instant dueAt) {
        String text = "热线预约回拨：来电人选择不排队等待，请在服务时间内回拨。业务类型："
                + caller.businessType().chineseName() + "；来电地区：" + regions.nameOf(caller.region()) + "。";
        IntakeResult ticket = intake.receive(request(caller, caller.businessType().chineseName() + "预约回拨", text));
        transactions.executeWithoutResult(status -> {
            if (callbacks.findByTicketNumberOrderByCreatedAtDesc(ticket.ticketNumber()).isEmpty()) {
                callbacks.save(new CallbackTask(ticket.ticketNumber(), caller.callId(), caller.phone().value(),
                        properties.callback().defaultAgentExtension(), CallbackTask.Reason.CALLER_REQUEST, dueAt,
                        "ivr", clock.instant()));
            }
        });
        calls.update(caller.callId(), c -> c.callbackBooked(ticket.ticketNumber()));
        log.info("Call {} booked a callback for {}, ticket {}", caller.callId(), dueAt, ticket.ticketNumber());
        return ticket;
    }

    private IntakeRequest request(Caller caller, String subject, String text) {
        return new IntakeRequest(Channel.PHONE, caller.callId(), null, caller.businessType().name(),
                caller.region().value(), subject, text, null,
                caller.phone() == null ? null : caller.phone().value(), null, null);
    }
}
