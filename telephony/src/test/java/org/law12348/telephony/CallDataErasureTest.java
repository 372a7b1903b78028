package org.law12348.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.retention.CitizenData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erased caller leaves no number or recording in the hotline's records: neither on the calls of
 * their tickets nor on calls no ticket names, which the call log would otherwise still find by number.
 */
class CallDataErasureTest extends HotlineIntegrationTest {

    private static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T02:00:00Z");
    private static final Instant MONDAY_20_00 = Instant.parse("2026-11-30T12:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger(500);

    @Autowired MutableClock clock;
    @Autowired CallRecords calls;
    @Autowired CallbackTasks callbacks;
    @Autowired CitizenData citizenData;
    @Autowired PersonalDataCipher cipher;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.set(MONDAY_10_00);
    }

    @Test
    void erasingACallerClearsTheNumberOfEveryCallAndCallBackAndTheRecordingOfTheirMessage() throws Exception {
        String phone = "1371234" + IDS.incrementAndGet() + "0";
        String bystanderPhone = "1371234" + IDS.incrementAndGet() + "1";
        clock.set(MONDAY_10_00);
        String queued = nextId();
        String bystander = nextId();
        String booked = nextId();
        String message = nextId();
        call(AgiCall.from(queued, phone).keys("2", AgiCall.TIMEOUT));
        call(AgiCall.from(bystander, bystanderPhone).keys("2", AgiCall.TIMEOUT));
        call(AgiCall.from(booked, phone).variable("QUEUE_WAITING_COUNT(legal-consultation)", "12").keys("1", "1"));
        clock.set(MONDAY_20_00);
        call(AgiCall.from(message, phone).keys("1"));
        String messageTicket = calls.findByCallId(message).orElseThrow().ticketNumber();
        String bookedTicket = calls.findByCallId(booked).orElseThrow().ticketNumber();
        assertThat(calls.findByCallId(queued).orElseThrow().ticketNumber()).isNull();
        assertThat(calls.findByCallId(message).orElseThrow().recordingFile()).isNotNull();
        assertThat(callbacks.findByTicketNumberOrderByCreatedAtDesc(bookedTicket))
                .singleElement().extracting(CallbackTask::status).isEqualTo(CallbackTask.Status.PENDING);

        CitizenData.Erasure erasure = citizenData.eraseByPhone(new PhoneNumber(phone), "来电人申请删除个人信息",
                "admin");

        assertThat(erasure.ticketNumbers()).containsExactlyInAnyOrder(messageTicket, bookedTicket);
        for (String call : new String[] {queued, booked, message}) {
            CallRecord record = calls.findByCallId(call).orElseThrow();
            assertThat(record.callerPhone()).as(call).isNull();
            assertThat(record.recordingFile()).as(call).isNull();
            assertThat(stored(call)).as(call).containsEntry("CALLER_PHONE_ENC", null)
                    .containsEntry("CALLER_PHONE_HASH", null);
        }
        assertThat(calls.findByCallerPhoneHash(cipher.blindIndex(phone))).isEmpty();
        CallbackTask callback = callbacks.findByTicketNumberOrderByCreatedAtDesc(bookedTicket).get(0);
        assertThat(callback.phone()).isEmpty();
        assertThat(callback.status()).isEqualTo(CallbackTask.Status.FAILED);
        assertThat(callbacks.findByPhoneHash(cipher.blindIndex(phone))).isEmpty();
        // the facts stay for statistics, and another caller's call is untouched
        assertThat(calls.findByCallId(queued).orElseThrow().outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(calls.findByCallId(bystander).orElseThrow().callerPhone()).isEqualTo(bystanderPhone);
    }

    private static void call(AgiCall call) throws Exception {
        new AsteriskAgiPeer(AGI_PORT).call(call);
    }

    private Map<String, Object> stored(String callId) {
        return jdbc.queryForMap("select caller_phone_enc, caller_phone_hash from call_record where call_id = ?", callId);
    }

    private static String nextId() {
        return "1795876398." + IDS.incrementAndGet();
    }
}
