package org.law12348.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, hotline item 6: a retried AGI step (the dialplan running the script again for the same
 * call) overwrote the earlier recording, the duplicate intake logged an ERROR with SQL, and every
 * retry burned a ticket number. A step is idempotent per (call, step).
 */
@ExtendWith(OutputCaptureExtension.class)
class RetriedStepTest extends HotlineIntegrationTest {

    static final Instant MONDAY_20_00 = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired MutableClock clock;
    @Autowired CallRecords calls;
    @Autowired CallbackTasks callbacks;
    @Autowired TicketIntake intake;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void aRetriedMessageStepReadsTheTicketBackWithoutRecordingOverItOrDrawingANumber(CapturedOutput log)
            throws Exception {
        clock.set(MONDAY_20_00);
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.1", "13800138000").keys("1"));
        String first = ticketOf("1795878000.1");
        String recording = calls.findByCallId("1795878000.1").orElseThrow().recordingFile();

        List<String> retried = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.1", "13800138000")
                .keys("1"));
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.2", "13800138000").keys("1"));

        assertThat(retried).noneMatch(c -> c.startsWith("RECORD FILE"))
                .contains("STREAM FILE \"custom/hotline-ticket-number-is\" \"\"",
                        "SET VARIABLE \"HOTLINE_TICKET\" \"" + first + "\"");
        assertThat(jdbc.queryForObject("select count(*) from ticket where channel_ref = ?", Integer.class,
                intake.referenceOf(Channel.PHONE, "1795878000.1"))).isEqualTo(1);
        CallRecord call = calls.findByCallId("1795878000.1").orElseThrow();
        assertThat(call.recordingFile()).isEqualTo(recording);
        assertThat(call.ticketNumber()).isEqualTo(first);
        assertThat(serial(ticketOf("1795878000.2"))).isEqualTo(serial(first) + 1);
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void aStepAfterTheCallGotItsTicketAddsToItAndNeverReusesARecordingName() throws Exception {
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
        // the queue was over its limit and the caller booked a callback: the call's ticket
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.3", "13800138000")
                .variable("QUEUE_WAITING_COUNT(legal-consultation)", "12").keys("1", "1"));
        String ticket = ticketOf("1795878000.3");
        clock.set(MONDAY_20_00);

        // the dialplan runs the script again for the same call, and this time the caller leaves a message
        List<String> retried = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.3", "13800138000")
                .keys("1"));

        assertThat(retried).contains("RECORD FILE \"/var/spool/asterisk/monitor/hotline/hotline-1795878000.3\" "
                + "\"wav\" \"#\" 120000 0 BEEP s=3", "SET VARIABLE \"HOTLINE_TICKET\" \"" + ticket + "\"");
        assertThat(jdbc.queryForList("select e.text from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.text like '%补充语音留言%'", String.class, ticket)).hasSize(1);
        assertThat(callbacks.findByTicketNumberOrderByCreatedAtDesc(ticket)).hasSize(1);

        List<String> again = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.3", "13800138000")
                .keys("1"));
        assertThat(again).noneMatch(c -> c.startsWith("RECORD FILE"));
    }

    @Test
    void aRetriedSurveyKeepsOneNoteAndOneSupervisorCallback() throws Exception {
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.4", "13800138000").keys("1", AgiCall.TIMEOUT));

        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.4", "13800138000").script("survey").keys("1"));
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795878000.4", "13800138000").script("survey").keys("2"));

        CallRecord call = calls.findByCallId("1795878000.4").orElseThrow();
        assertThat(call.rating()).isEqualTo(2);
        assertThat(callbacks.findByCallIdAndReason("1795878000.4", CallbackTask.Reason.LOW_RATING)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from ticket where channel_ref = ?", Integer.class,
                intake.referenceOf(Channel.PHONE, "1795878000.4-survey"))).isEqualTo(1);
    }

    /** The same for every channel: a replayed submission answers the first ticket and burns no number. */
    @Test
    void aReplayedSubmissionBurnsNoTicketNumber() {
        String first = intake.receive(web("retry-web-1")).ticketNumber();

        assertThat(intake.receive(web("retry-web-1")).ticketNumber()).isEqualTo(first);
        assertThat(serial(intake.receive(web("retry-web-2")).ticketNumber())).isEqualTo(serial(first) + 1);
    }

    private static IntakeRequest web(String key) {
        return IntakeRequest.fromWeb(key, "LEGAL_AID", "440106", "公司拖欠我三个月工资，想申请法律援助。").withPhone("13800138000");
    }

    private String ticketOf(String callId) {
        return jdbc.queryForObject("select number from ticket where channel_ref = ?", String.class,
                intake.referenceOf(Channel.PHONE, callId));
    }

    private static long serial(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }
}
