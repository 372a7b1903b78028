package org.law12348.telephony.internal.web;

import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.StaffMember;
import org.law12348.telephony.internal.ivr.RegionResolver;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The JSON shapes of the hotline's staff endpoints, with Chinese names next to every code. Caller
 * numbers are masked (138****1234) unless the member sees them in full ({@link StaffMember#seesFullCallerNumbers}):
 * call backs are dialled by the system, so nobody else needs the whole number here.
 */
@Component
class CallViews {

    record CallView(String callId, String callerPhone, String regionCode, String regionName, String businessType,
                    String businessTypeName, String queue, String queueName, String outcome, String outcomeName, Instant startedAt,
                    Instant answeredAt, Instant endedAt, Integer waitSeconds, Integer talkSeconds, String agent,
                    String recordingFile, boolean hasRecording, String ticketNumber, Integer rating) {
    }

    record CallbackView(long id, String ticketNumber, String phone, String agentExtension, String reason,
                        String status, String statusName, Instant dueAt, int attempts, String lastResult,
                        String history) {
    }

    private final RegionResolver regions;
    private final QueueNames queues;

    CallViews(RegionResolver regions, QueueNames queues) {
        this.regions = regions;
        this.queues = queues;
    }

    CallView of(CallRecord c, StaffMember staff) {
        String regionName = c.regionCode() == null ? null : regions.nameOf(new RegionCode(c.regionCode()));
        return new CallView(c.callId(), phone(c.callerPhone(), staff), c.regionCode(), regionName,
                c.businessType() == null ? null : c.businessType().name(),
                c.businessType() == null ? null : c.businessType().chineseName(), c.queue(), queues.nameOf(c.queue()), c.outcome().name(),
                c.outcome().chineseName(), c.startedAt(), c.answeredAt(), c.endedAt(), c.waitSeconds(),
                c.talkSeconds(), c.agent(), c.recordingFile(), c.recordingFile() != null, c.ticketNumber(), c.rating());
    }

    CallbackView of(CallbackTask t, StaffMember staff) {
        return new CallbackView(t.id(), t.ticketNumber(), phone(t.phone(), staff), t.agentExtension(),
                t.reason().name(), t.status().name(), statusName(t.status()), t.dueAt(), t.attempts(), t.lastResult(),
                t.history());
    }

    static String statusName(CallbackTask.Status status) {
        return switch (status) {
            case AFTER_CALL -> "通话结束后回拨";
            case PENDING -> "待回拨";
            case DIALING -> "正在回拨";
            case DONE -> "已接通";
            case HANDED_OVER -> "已转调度员";
            case FAILED -> "已取消";
        };
    }

    String phone(String number, StaffMember staff) {
        return number == null || staff.seesFullCallerNumbers() ? number : PhoneNumber.mask(number);
    }
}
