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
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole calls through the real asterisk-java FastAGI server, driven by a peer speaking Asterisk's side. */
class HotlineCallTest extends HotlineIntegrationTest {

    static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T02:00:00Z");
    static final Instant MONDAY_20_00 = Instant.parse("2026-11-30T12:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Autowired MutableClock clock;
    @Autowired CallRecords calls;
    @Autowired CallbackTasks callbacks;
    @Autowired JdbcTemplate jdbc;
    @Autowired PersonalDataCipher cipher;
    @Autowired TicketIntake intake;

    @AfterEach
    void resetClock() {
        clock.set(MONDAY_10_00);
    }

    @Test
    void handsAnInHoursCallToTheQueueOfTheChosenServiceWithRegionAndOpenTickets() throws Exception {
        clock.set(MONDAY_10_00);
        String id = nextId();
        AgiCall call = AgiCall.from(id, "13800138001").keys("2", AgiCall.TIMEOUT);

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(call);

        assertThat(commands.get(0)).isEqualTo("ANSWER");
        assertThat(commands).contains("GET VARIABLE \"QUEUE_WAITING_COUNT(legal-aid)\"",
                "SET VARIABLE \"HOTLINE_QUEUE\" \"legal-aid\"", "SET VARIABLE \"HOTLINE_ACTION\" \"queue\"",
                "SET VARIABLE \"HOTLINE_BUSINESS\" \"LEGAL_AID\"", "SET VARIABLE \"HOTLINE_OPEN_TICKETS\" \"0\"");
        assertThat(call.toString()).isNotNull();
        CallRecord record = calls.findByCallId(id).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(record.queue()).isEqualTo("legal-aid");
        assertThat(record.callerPhone()).isEqualTo("13800138001");
        assertThat(jdbc.queryForMap("select caller_phone_enc, caller_phone_hash from call_record where call_id = ?", id))
                .containsEntry("CALLER_PHONE_HASH", cipher.blindIndex("13800138001"))
                .hasEntrySatisfying("CALLER_PHONE_ENC", v -> assertThat((String) v).startsWith("v1:test:"));
        assertThat(record.regionCode()).isEqualTo("110100");
        assertThat(commands).contains("SET VARIABLE \"HOTLINE_REGION\" \"110100\"");
        assertThat(ticketsOf(id)).isEmpty();
    }

    @Test
    void turnsAnAfterHoursMessageIntoAPhoneTicketAndReadsItsNumberBack() throws Exception {
        clock.set(MONDAY_20_00);
        String id = nextId();

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "02083334444").keys("1"));

        Map<String, Object> ticket = ticketsOf(id).get(0);
        assertThat(ticket).containsEntry("CHANNEL", "PHONE").containsEntry("BUSINESS_TYPE", "LEGAL_CONSULTATION")
                .containsEntry("REGION_CODE", "440100")
                .containsEntry("CONTACT_PHONE_HASH", cipher.blindIndex("02083334444"));
        assertThat((String) ticket.get("CONTACT_PHONE_ENC")).startsWith("v1:test:").doesNotContain("02083334444");
        assertThat(cipher.decrypt((String) ticket.get("CONTACT_PHONE_ENC"))).isEqualTo("02083334444");
        String number = (String) ticket.get("NUMBER");
        String recording = "/var/spool/asterisk/monitor/hotline/hotline-" + id + ".wav";
        assertThat((String) ticket.get("TEXT")).contains(recording);
        assertThat(commands).containsSubsequence("STREAM FILE \"custom/hotline-after-hours\" \"\"",
                "RECORD FILE \"/var/spool/asterisk/monitor/hotline/hotline-" + id + "\" \"wav\" \"#\" 120000 0 BEEP s=3",
                "STREAM FILE \"custom/hotline-ticket-number-is\" \"\"", "STREAM FILE \"custom/letter-g\" \"\"",
                "GET DATA \"custom/hotline-number-repeat\" 5000 1", "STREAM FILE \"custom/hotline-goodbye\" \"\"",
                "HANGUP");
        CallRecord record = calls.findByCallId(id).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(record.recordingFile()).isEqualTo(recording);
        assertThat(record.ticketNumber()).isEqualTo(number);
    }

    /**
     * Issue 17, hotline item 10: the read-back of a 14-digit number took about 12 s with SAY DIGITS and
     * fell back to English digits where the PBX had no Mandarin ones.
     */
    @Test
    void readsTheTicketNumberBackInChineseDigitGroupsAndAgainOnRequest() throws Exception {
        clock.set(MONDAY_20_00);
        String id = nextId();

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "13800138000")
                .keys("2", "1", AgiCall.TIMEOUT));

        String number = (String) ticketsOf(id).get(0).get("NUMBER");
        List<String> reading = readingOf(number);
        List<String> played = commands.stream().filter(c -> c.startsWith("STREAM FILE") || c.startsWith("GET DATA"))
                .map(c -> c.split("\"")[1]).toList();
        int start = played.indexOf("custom/hotline-ticket-number-is") + 1;
        List<String> expected = new java.util.ArrayList<>(reading);
        expected.add("custom/hotline-number-repeat");
        expected.addAll(reading);
        expected.add("custom/hotline-number-repeat");
        expected.add("custom/hotline-goodbye");
        assertThat(played.subList(start, played.size())).startsWith(expected.toArray(String[]::new));
        assertThat(commands).noneMatch(c -> c.startsWith("SAY "));
        assertThat(ShippedPromptsTest.seconds(reading)).isLessThan(8.0);
    }

    /** GD20261130-000123 → g d, pause, 2 0 2 6, pause, 1 1 3 0, pause, 0 0 0, pause, 1 2 3. */
    private static List<String> readingOf(String number) {
        assertThat(number).matches("GD\\d{8}-\\d{6}");
        String digits = number.substring(2).replace("-", "");
        List<String> files = new java.util.ArrayList<>(List.of("custom/letter-g", "custom/letter-d"));
        for (int i = 0; i < digits.length(); i++) {
            if (i == 0 || i == 4 || i == 8 || i == 11) {
                files.add("custom/pause");
            }
            files.add("custom/digit-" + digits.charAt(i));
        }
        return files;
    }

    /** Issue 17, hotline item 7: a silent message (no speech) became a ticket. */
    @Test
    void aSilentMessageLeavesAMissedCallForCallBackAndNoTicket() throws Exception {
        clock.set(MONDAY_20_00);
        String id = nextId();

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "13800138000").keys("1")
                .recordEndsBySilence().silentMessage());

        assertThat(ticketsOf(id)).isEmpty();
        CallRecord call = calls.findByCallId(id).orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.callerPhone()).isEqualTo("13800138000");
        assertThat(call.ticketNumber()).isNull();
        assertThat(commands).containsSubsequence("STREAM FILE \"custom/hotline-message-empty\" \"\"", "HANGUP")
                .doesNotContain("STREAM FILE \"custom/hotline-ticket-number-is\" \"\"");
    }

    @Test
    void aMessageUnderTheConfiguredLengthIsAMissedCallAndALongerOneATicket() throws Exception {
        clock.set(MONDAY_20_00);
        String shortOne = nextId();
        String longEnough = nextId();

        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(shortOne, "13800138000").keys("1").recordedSeconds(2.5));
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(longEnough, "13800138000").keys("1").recordedSeconds(3.5));

        assertThat(ticketsOf(shortOne)).isEmpty();
        assertThat(calls.findByCallId(shortOne).orElseThrow().outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(ticketsOf(longEnough)).hasSize(1);
        assertThat(calls.findByCallId(longEnough).orElseThrow().outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
    }

    @Test
    void keepsAMessageAsATicketWhenTheCallerHangsUpWhileRecording() throws Exception {
        clock.set(MONDAY_20_00);
        String id = nextId();
        AsteriskAgiPeer peer = new AsteriskAgiPeer(AGI_PORT);

        List<String> commands = peer.call(AgiCall.from(id, "13800138000").keys("1").hangsUpWhileRecording());

        assertThat(peer.wire()).containsSubsequence("AST> 200 result=-1 (hangup) endpos=120000", "AST> HANGUP",
                "AGI> CHANNEL STATUS", "AST> 511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(ticketsOf(id)).hasSize(1);
        assertThat(calls.findByCallId(id).orElseThrow().outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(commands).doesNotContain("STREAM FILE \"custom/hotline-ticket-number-is\" \"\"");
    }

    @Test
    void asksAWithheldCallerForTheAreaCodeUntilItNamesACity() throws Exception {
        clock.set(MONDAY_20_00);
        String id = nextId();

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.withheld(id).keys("999", "0755", "3"));

        assertThat(commands.stream().filter(c -> c.startsWith("GET DATA \"custom/hotline-enter-area-code\"")))
                .hasSize(2);
        assertThat(commands).contains("STREAM FILE \"custom/hotline-area-code-invalid\" \"\"");
        Map<String, Object> ticket = ticketsOf(id).get(0);
        assertThat(ticket).containsEntry("REGION_CODE", "440300").containsEntry("BUSINESS_TYPE", "NOTARIZATION");
        assertThat(ticket.get("CONTACT_PHONE_ENC")).isNull();
        assertThat(ticket.get("CONTACT_PHONE_HASH")).isNull();
    }

    @Test
    void offersACallbackOrMessageWhenTheDialplanReturnsACallerTheQueueGaveUpOn() throws Exception {
        String id = nextId();
        AgiCall call = AgiCall.from(id, "13800138002").args("overflow")
                .variable("HOTLINE_BUSINESS", "LEGAL_AID").variable("HOTLINE_REGION", "440300").keys(AgiCall.TIMEOUT);

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(call);

        assertThat(commands).doesNotContain("ANSWER").contains("GET DATA \"custom/hotline-busy\" 5000 1");
        Map<String, Object> ticket = ticketsOf(id).get(0);
        assertThat(ticket).containsEntry("BUSINESS_TYPE", "LEGAL_AID").containsEntry("REGION_CODE", "440300");
        assertThat(calls.findByCallId(id).orElseThrow().outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
    }

    @Test
    void leavesAMissedCallAndNoTicketWhenTheCallerHangsUpInTheMenu() throws Exception {
        String id = nextId();
        AsteriskAgiPeer peer = new AsteriskAgiPeer(AGI_PORT);

        List<String> commands = peer.call(AgiCall.from(id, "13800138000").keys(AgiCall.TIMEOUT, AgiCall.HANG_UP));

        assertThat(commands.stream().filter(c -> c.startsWith("GET DATA \"custom/hotline-menu\""))).hasSize(2);
        assertThat(peer.wire()).containsSubsequence("AST> 200 result=-1", "AST> HANGUP");
        assertThat(calls.findByCallId(id).orElseThrow().outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(ticketsOf(id)).isEmpty();
    }

    @Test
    void booksACallbackOnAPhoneTicketWhenTheQueueIsOverItsWaitLimit() throws Exception {
        String id = nextId();
        AgiCall call = AgiCall.from(id, "13800138000").variable("QUEUE_WAITING_COUNT(legal-consultation)", "12")
                .keys("1", "1");

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(call);

        assertThat(commands).contains("GET DATA \"custom/hotline-busy\" 5000 1");
        String number = (String) ticketsOf(id).get(0).get("NUMBER");
        CallbackTask task = callbacks.findByTicketNumberOrderByCreatedAtDesc(number).get(0);
        // the script hung up after reading the number back: due a minute after the call (after-call-delay)
        assertThat(task.status()).isEqualTo(CallbackTask.Status.PENDING);
        assertThat(task.reason()).isEqualTo(CallbackTask.Reason.CALLER_REQUEST);
        assertThat(task.dueAt()).isEqualTo(MONDAY_10_00.plusSeconds(60));
        assertThat(calls.findByCallId(id).orElseThrow().outcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
    }

    @Test
    void storesASurveyRatingAndOwesADissatisfiedCallerASupervisorCallback() throws Exception {
        String id = nextId();
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "13800138000").keys("1", AgiCall.TIMEOUT));

        List<String> commands = new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "13800138000").script("survey")
                .keys("7", "2"));

        assertThat(commands).containsSubsequence("STREAM FILE \"custom/survey-invalid\" \"\"",
                "STREAM FILE \"custom/survey-thanks\" \"\"");
        CallRecord record = calls.findByCallId(id).orElseThrow();
        assertThat(record.rating()).isEqualTo(2);
        assertThat(record.ticketNumber()).isNotNull();
        CallbackTask task = callbacks.findByTicketNumberOrderByCreatedAtDesc(record.ticketNumber()).get(0);
        assertThat(task.reason()).isEqualTo(CallbackTask.Reason.LOW_RATING);
        assertThat(task.agentExtension()).isEqualTo("8002");
    }

    /** Issue 18: the IVR posed as an administrator to note a rating on the ticket of its own call. */
    @Test
    void notesASurveyRatingOnTheCallsTicketAsTheSystemNotAsAnAdministrator() throws Exception {
        clock.set(MONDAY_20_00);
        String id = nextId();
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "02083334444").keys("1"));
        String ticket = calls.findByCallId(id).orElseThrow().ticketNumber();

        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, "02083334444").script("survey").keys("4"));

        assertThat(jdbc.queryForList("select e.actor from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.text like '来电满意度评价%'", String.class, ticket))
                .containsExactly("12348-ivr");
        assertThat(jdbc.queryForList("select actor_role from audit_entry where actor = '12348-ivr' "
                + "and action = 'NOTE_ADDED' and ticket_number = ?", String.class, ticket))
                .containsExactly("SYSTEM");
    }

    private List<Map<String, Object>> ticketsOf(String callId) {
        return jdbc.queryForList("select * from ticket where channel_ref = ?", intake.referenceOf(Channel.PHONE, callId));
    }

    private static String nextId() {
        return "1795876397." + IDS.incrementAndGet();
    }
}
