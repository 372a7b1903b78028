package org.law12348.telephony;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.ami.AmiConnector;
import org.law12348.telephony.internal.ami.CallbackDispatcher;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallbackAttempts;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** The real asterisk-java ManagerConnection against a peer replaying Asterisk 22's AMI captures. */
@SpringBootTest(classes = TelephonyTestApp.class)
@AutoConfigureMockMvc
class AmiCallEventsTest {

    static final AsteriskAmiPeer AMI = startPeer();
    static final int AGI_PORT = freePort();
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.fastagi.port", () -> AGI_PORT);
        registry.add("law12348.telephony.ami.host", () -> "127.0.0.1");
        registry.add("law12348.telephony.ami.port", AMI::port);
        registry.add("law12348.telephony.ami.username", () -> "hotline");
        registry.add("law12348.telephony.ami.secret", () -> "hotline-secret");
        registry.add("law12348.telephony.ami.reconnect-min", () -> "100ms");
        registry.add("law12348.telephony.callback.dispatch-interval", () -> "1h");
    }

    @Autowired AmiConnector ami;
    @Autowired CallbackDispatcher dispatcher;
    @Autowired CallRecords calls;
    @Autowired CallbackTasks callbacks;
    @Autowired TicketIntake intake;
    @Autowired JdbcTemplate jdbc;
    @Autowired TelephonyTestApp.MutableClock clock;
    @Autowired CallbackAttempts attempts;
    @Autowired org.law12348.telephony.internal.calls.CallLog callLog;
    @Autowired MockMvc mvc;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void placesNoCallbackOutsideServiceHoursAndDialsItAtTheNextOpening() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        String ticket = intake.receive(IntakeRequest.fromCall("cb-test-night", "MEDIATION", "440300", "邻里纠纷需要人民调解员回电",
                "13800138000")).ticketNumber();
        Instant fridayNight = Instant.parse("2026-12-04T13:00:00Z"); // 21:00 in Shanghai
        clock.set(fridayNight);
        CallbackTask task = callbacks.save(new CallbackTask(ticket, null, "13800138000", "agent1",
                CallbackTask.Reason.STAFF_REQUEST, fridayNight, "dispatcher1", fridayNight));
        long originatesBefore = originates();

        clock.set(Instant.parse("2026-12-05T02:00:00Z")); // Saturday 10:00: still closed
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(status(task)).isEqualTo(CallbackTask.Status.PENDING);
        assertThat(originates()).isEqualTo(originatesBefore);

        clock.set(Instant.parse("2026-12-07T00:30:00Z")); // Monday 08:30
        assertThat(dispatcher.dispatchDue()).isPositive(); // retries left by other tests may be due too
        await().atMost(PATIENCE).until(() -> status(task) == CallbackTask.Status.DONE);
    }

    /**
     * Issue 17, hotline item 5: a callback asked for in the IVR was due at once, so the PBX dialled the
     * citizen while they were still on the line hearing their ticket number.
     */
    @Test
    void dialsACallbackAskedForInTheIvrOnlyAfterTheCallerHungUp() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        Instant monday = Instant.parse("2026-11-30T02:00:00Z");
        clock.set(monday);
        String callId = "1795876391.7"; // agi-04 and ami-05 are this call; ami-05 has its Hangup
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
        AgiCall call = AgiCall.from(callId, "13800138000").variable("QUEUE_WAITING_COUNT(legal-consultation)", "12")
                .keys("1", "1", AgiCall.TIMEOUT).pauseAt("GET DATA \"custom/hotline-number-repeat\"", reading, resume);
        java.util.concurrent.ExecutorService line = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var session = line.submit(() -> new AsteriskAgiPeer(AGI_PORT).call(call));
            assertThat(reading.await(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            // the caller is still on the line, hearing the ticket number
            CallbackTask task = callbacks.findByCallIdAndReason(callId, CallbackTask.Reason.CALLER_REQUEST).get(0);
            assertThat(task.status()).isEqualTo(CallbackTask.Status.AFTER_CALL);
            dispatcher.dispatchDue();
            assertThat(originatesFor(task.ticketNumber())).isZero();

            AMI.emit("ami-05-agi-caller-hangup-idle.txt", Map.of()); // the caller hangs up
            await().atMost(PATIENCE).until(() -> status(task) == CallbackTask.Status.PENDING);
            assertThat(callbacks.findById(task.id()).orElseThrow().dueAt()).isEqualTo(monday.plusSeconds(60));
            dispatcher.dispatchDue();
            assertThat(originatesFor(task.ticketNumber())).isZero();

            clock.set(monday.plusSeconds(60));
            dispatcher.dispatchDue();
            assertThat(originatesFor(task.ticketNumber())).isEqualTo(1);
            resume.countDown();
            session.get(15, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            resume.countDown();
            line.shutdownNow();
        }
    }

    /**
     * Issue 17, hotline item 4: a callback was marked done when the agent answered, even if the
     * citizen's leg was busy or unanswered, and never retried.
     */
    @Test
    void retriesACallbackTheCitizenDidNotAnswerInsideServiceHoursThenHandsItToADispatcher() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        Instant monday1000 = Instant.parse("2026-11-30T02:00:00Z");
        clock.set(monday1000);
        String ticket = intake.receive(IntakeRequest.fromCall("cb-test-no-answer", "LEGAL_AID", "440100", "请回拨说明法律援助材料",
                AsteriskAmiPeer.CITIZEN_NO_ANSWER))
                .ticketNumber();
        CallbackTask task = callbacks.save(new CallbackTask(ticket, null, AsteriskAmiPeer.CITIZEN_NO_ANSWER, "agent1",
                CallbackTask.Reason.STAFF_REQUEST, monday1000, "dispatcher1", monday1000));

        dispatcher.dispatchDue(); // the agent answers, the citizen's phone rings unanswered
        await().atMost(PATIENCE).until(() -> status(task) == CallbackTask.Status.PENDING);
        assertThat(reload(task).dueAt()).isEqualTo(monday1000.plus(Duration.ofMinutes(10)));
        assertThat(reload(task).lastResult()).isEqualTo("坐席已接听，来电人无人接听（NOANSWER）");

        clock.set(Instant.parse("2026-11-30T03:45:00Z")); // 11:45: the doubled delay ends in the lunch break
        dispatcher.dispatchDue();
        await().atMost(PATIENCE).until(() -> reload(task).attempts() == 2 && status(task) == CallbackTask.Status.PENDING);
        assertThat(reload(task).dueAt()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z")); // 14:00

        clock.set(Instant.parse("2026-11-30T06:00:00Z"));
        dispatcher.dispatchDue();
        await().atMost(PATIENCE).until(() -> status(task) == CallbackTask.Status.HANDED_OVER);
        // the ticket's note follows the attempt's own commit (CallbackAttempts.settle)
        await().atMost(PATIENCE).until(() -> callbackNotes(ticket).size() == 3);
        List<String> notes = callbackNotes(ticket);
        assertThat(notes.get(2)).startsWith("回拨3次均未接通，已转调度员人工处理。经过：")
                .contains("第1次（11月30日 10:00）：坐席已接听，来电人无人接听（NOANSWER）", "第2次（11月30日 11:45）",
                        "第3次（11月30日 14:00）");
        mvc.perform(get("/api/v1/staff/callbacks").with(user("dispatcher1").roles("DISPATCHER")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(jsonPath("$.items[?(@.ticketNumber == '" + ticket + "')].statusName").value("已转调度员"))
                .andExpect(jsonPath("$.items[?(@.ticketNumber == '" + ticket + "')].phone").value("139****0000"));
    }

    @Test
    void countsAnAttemptWhoseOutcomeNeverCameAsFailed() {
        Instant monday1000 = Instant.parse("2026-11-30T02:00:00Z");
        clock.set(monday1000);
        String ticket = intake.receive(IntakeRequest.fromCall("cb-test-lost", "LEGAL_AID", "440100", "请回拨说明法律援助材料",
                "13800138000")).ticketNumber();
        CallbackTask task = callbacks.save(new CallbackTask(ticket, null, "13800138000", "agent1",
                CallbackTask.Reason.STAFF_REQUEST, monday1000.plus(Duration.ofDays(1)), "dispatcher1", monday1000));
        attempts.startDialing(task.id(), "cb-" + task.id() + "-1"); // the originate went out; no event came back

        clock.set(monday1000.plus(Duration.ofMinutes(5)));
        dispatcher.dispatchDue();

        assertThat(status(task)).isEqualTo(CallbackTask.Status.PENDING);
        assertThat(reload(task).lastResult()).isEqualTo("未收到呼叫结果");
    }

    /**
     * Issue 17, hotline item 9: after an outage of the application, call rows stayed IN_IVR forever.
     * On every login (start, reconnect) the PBX's live channels are listed and what ended is closed.
     */
    @Test
    void closesTheCallsWhoseChannelsEndedWhileNobodyListenedAfterAReconnect() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        Instant before = clock.instant().minus(Duration.ofMinutes(5));
        // what the IVR had written when the application went down in the middle of these calls
        callLog.record("1795876600.1", "13800138000", before, c -> { });
        callLog.record("1795876600.3", "13800138001", before, c -> c.queued("legal-aid", before));
        callLog.record("1795876600.5", "13800138002", before, c -> { });
        AMI.liveChannels(List.of(new AsteriskAmiPeer.LiveChannel("Local/12348@inbound-00000007;2", "1795876600.5",
                "1795876600.4", "13800138002", "inbound", "12348", 2, "AGI", "agi://127.0.0.1:4573/hotline",
                "00:05:02")));
        int loginsBefore = AMI.logins();

        AMI.dropConnections();

        await().atMost(PATIENCE).until(() -> AMI.logins() > loginsBefore
                && call("1795876600.1").filter(c -> c.endedAt() != null).isPresent());
        assertThat(AMI.actions()).anySatisfy(a -> assertThat(a).containsEntry("Action", "CoreShowChannels"));
        assertThat(call("1795876600.1").orElseThrow().outcome()).isEqualTo(CallOutcome.MISSED);
        await().atMost(PATIENCE).until(() -> call("1795876600.3").filter(c -> c.endedAt() != null).isPresent());
        assertThat(call("1795876600.3").orElseThrow().outcome()).isEqualTo(CallOutcome.ABANDONED);
        CallRecord stillInTheIvr = call("1795876600.5").orElseThrow();
        assertThat(stillInTheIvr.outcome()).isEqualTo(CallOutcome.IN_IVR);
        assertThat(stillInTheIvr.endedAt()).isNull();
        AMI.liveChannels(List.of());
    }

    /**
     * Issue 17, hotline item 8: with the application unreachable the sample dialplan answered no call.
     * Its fallback marks the CDR; the Cdr event puts the caller on the call log for a call back.
     */
    @Test
    void putsACallerWhoReachedTheDialplansFallbackOnTheCallLogForACallBack() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        String uniqueId = "1795876386.5"; // the 12348 channel of ami-04; no FastAGI session recorded it

        AMI.emitWithField("ami-04-agi-caller-hangup-get-data.txt", uniqueId, "UserField", "HOTLINE_FALLBACK");

        await().atMost(PATIENCE).until(() -> call(uniqueId).filter(c -> c.endedAt() != null).isPresent());
        CallRecord call = call(uniqueId).orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.callerPhone()).isEqualTo("13800138000");
        assertThat(call.regionCode()).isEqualTo("110100");
        assertThat(call("1795876386.4")).isEmpty(); // the other half's Cdr carries no fallback mark
    }

    private CallbackTask reload(CallbackTask task) {
        return callbacks.findById(task.id()).orElseThrow();
    }

    private long originatesFor(String ticket) {
        return AMI.actions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("Action"))
                && a.getOrDefault("Variable", "").contains("HOTLINE_TICKET=" + ticket)).count();
    }

    private long originates() {
        return AMI.actions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("Action"))).count();
    }

    @AfterAll
    static void stopPeer() throws IOException {
        AMI.close();
    }

    @Test
    void recordsAnIvrCallAnsweredInTheQueueWithAgentWaitAndTalkTime() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        // agi-05 and ami-06 are the same call: Uniqueid 1795876397.9
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795876397.9", "13800138000").keys("1", AgiCall.TIMEOUT));

        AMI.emit("ami-06-queue-answered.txt", Map.of());

        await().atMost(PATIENCE).until(() -> call("1795876397.9").filter(c -> c.endedAt() != null).isPresent());
        CallRecord call = call("1795876397.9").orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.agent()).isEqualTo("Agent One");
        assertThat(call.waitSeconds()).isEqualTo(3);
        assertThat(call.talkSeconds()).isEqualTo(5);
        assertThat(call.queue()).isEqualTo("legal-consultation");
        assertThat(call.businessType()).isEqualTo(org.law12348.ticketing.BusinessType.LEGAL_CONSULTATION);
    }

    @Test
    void recordsACallerWhoAbandonsTheQueueAfterTheReconnectOfADroppedConnection() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        int loginsBefore = AMI.logins();

        AMI.dropConnections();

        await().atMost(PATIENCE).until(() -> AMI.logins() > loginsBefore && ami.isConnected());
        AMI.emit("ami-07-queue-abandon.txt", Map.of());
        String uniqueId = "1795876407.13"; // the caller's channel that QueueCallerJoin names in ami-07
        // the Hangup that ends the call comes after the QueueCallerAbandon: wait for both
        await().atMost(PATIENCE).until(() -> call(uniqueId).filter(c -> c.outcome() == CallOutcome.ABANDONED
                && c.waitSeconds() != null && c.endedAt() != null).isPresent());
        CallRecord call = call(uniqueId).orElseThrow();
        assertThat(call.callerPhone()).isEqualTo("13900139000");
        assertThat(call.queue()).isEqualTo("legal-consultation");
        assertThat(call.endedAt()).isNotNull();
    }

    @Test
    void originatesCallbacksAndRecordsSuccessAndFailureOnTheTicket() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        String ticket = intake.receive(IntakeRequest.fromCall("cb-test-1", "LEGAL_AID", "440100", "请回拨咨询法律援助申请条件",
                "13800138000")).ticketNumber();
        Instant now = Instant.parse("2026-11-30T02:00:00Z");
        CallbackTask reachable = callbacks.save(new CallbackTask(ticket, null, "13800138000", "agent1",
                CallbackTask.Reason.STAFF_REQUEST, now, "dispatcher1", now));
        CallbackTask unreachable = callbacks.save(new CallbackTask(ticket, null, "13800138000", "99999",
                CallbackTask.Reason.STAFF_REQUEST, now, "dispatcher1", now));

        assertThat(dispatcher.dispatchDue()).isEqualTo(2);

        await().atMost(PATIENCE).until(() -> status(reachable) == CallbackTask.Status.DONE
                && status(unreachable) == CallbackTask.Status.PENDING);
        // done only once the citizen's DialEnd said ANSWER, not when the agent picked up
        assertThat(reload(reachable).lastResult()).isEqualTo("坐席与来电人已接通");
        CallbackTask failed = callbacks.findById(unreachable.id()).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.dueAt()).isAfter(now);
        assertThat(AMI.actions()).anySatisfy(a -> assertThat(a).containsEntry("Action", "Originate")
                .containsEntry("Channel", "PJSIP/agent1").containsEntry("Context", "callback")
                .containsEntry("Exten", "13800138000"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(callbackNotes(ticket)).hasSize(2));
    }

    private CallbackTask.Status status(CallbackTask task) {
        return callbacks.findById(task.id()).orElseThrow().status();
    }

    private Optional<CallRecord> call(String id) {
        return calls.findByCallId(id);
    }

    private static AsteriskAmiPeer startPeer() {
        try {
            return new AsteriskAmiPeer("hotline-secret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> callbackNotes(String ticket) {
        return jdbc.queryForList("select e.text from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.text like '回拨%' order by e.id", String.class, ticket);
    }
}
