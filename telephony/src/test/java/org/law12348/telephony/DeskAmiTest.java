package org.law12348.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.ami.AmiConnector;
import org.law12348.telephony.internal.desk.AgentDesk;
import org.law12348.telephony.internal.desk.AgentDesks;
import org.law12348.telephony.internal.desk.DeskState;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.law12348.telephony.peer.PeerQueues;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The duty lawyer's desk against the AMI peer: states reach the PBX as QueueAdd / QueuePause /
 * QueueRemove, survive a PBX restart, follow queue calls (screen pop, wrap-up), and click-to-call
 * dials through the callback machinery.
 */
@SpringBootTest(classes = TelephonyTestApp.class)
@AutoConfigureMockMvc
class DeskAmiTest {

    static final AsteriskAmiPeer AMI = startPeer();
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T02:00:00Z");
    static final String DESK = "PJSIP/1001";
    static final String LAWYER = "duty1";
    static final String OTHER_LAWYER = "duty2";
    static final String OTHER_DESK = "PJSIP/1002";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.fastagi.port", DeskAmiTest::freePort);
        registry.add("law12348.telephony.ami.host", () -> "127.0.0.1");
        registry.add("law12348.telephony.ami.port", AMI::port);
        registry.add("law12348.telephony.ami.username", () -> "hotline");
        registry.add("law12348.telephony.ami.secret", () -> "hotline-secret");
        registry.add("law12348.telephony.ami.reconnect-min", () -> "100ms");
        registry.add("law12348.telephony.callback.dispatch-interval", () -> "1h");
        registry.add("law12348.telephony.desk.wrap-up", () -> "45s");
    }

    @Autowired MockMvc mvc;
    @Autowired AmiConnector ami;
    @Autowired PhoneDesks desks;
    @Autowired AgentDesks stored;
    @Autowired TelephonyTestApp.MutableClock clock;
    @Autowired TicketIntake intake;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void deskOnTwoQueues() {
        clock.set(MONDAY_10_00);
        await().atMost(PATIENCE).until(ami::isConnected);
        desks.assign(LAWYER, DESK, List.of("legal-consultation", "legal-aid"));
    }

    @AfterEach
    void leave() {
        desks.choose(LAWYER, DeskState.OFFLINE, null);
        desks.clear(OTHER_LAWYER);
        clock.set(MONDAY_10_00);
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void joinPauseWithAReasonResumeAndLeaveReachThePbx() throws Exception {
        state("{\"state\":\"READY\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stateName").value("空闲")).andExpect(jsonPath("$.pbxConnected").value(true));
        assertThat(member("legal-consultation")).hasValueSatisfying(m -> assertThat(m.paused()).isFalse());
        assertThat(member("legal-aid")).hasValueSatisfying(m -> assertThat(m.memberName()).isEqualTo(LAWYER));

        state("{\"state\":\"PAUSED\",\"reason\":\"MEAL\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.pauseReasonName").value("用餐"));
        assertThat(member("legal-consultation")).hasValueSatisfying(m -> {
            assertThat(m.paused()).isTrue();
            assertThat(m.reason()).isEqualTo("meal");
        });
        assertThat(lastAction("QueuePause")).containsEntry("Reason", "meal").containsEntry("Interface", DESK);

        state("{\"state\":\"READY\"}").andExpect(status().isOk());
        assertThat(member("legal-aid")).hasValueSatisfying(m -> assertThat(m.paused()).isFalse());

        state("{\"state\":\"OFFLINE\"}").andExpect(status().isOk()).andExpect(jsonPath("$.stateName").value("未上线"));
        assertThat(member("legal-consultation")).isEmpty();
        assertThat(member("legal-aid")).isEmpty();
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void refusesAPauseWithoutAReasonAndStatesOnlyCallsReach() throws Exception {
        state("{\"state\":\"PAUSED\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        state("{\"state\":\"PAUSED\",\"reason\":\"NAP\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        state("{\"state\":\"ON_CALL\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("state"));
        assertThat(stored.findById(LAWYER)).get().extracting(AgentDesk::state).isEqualTo(DeskState.OFFLINE);
    }

    @Test
    @WithMockUser(username = "nodesk", roles = "DISPATCHER")
    void answersNotFoundToSomeoneWithoutADesk() throws Exception {
        mvc.perform(get("/api/v1/staff/desk")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("desk.notFound"));
    }

    @Test
    void aPausedDeskIsPausedAgainAfterThePbxRestartedAndForgotItsMembers() throws Exception {
        desks.choose(LAWYER, DeskState.PAUSED, org.law12348.telephony.internal.desk.PauseReason.TRAINING);
        assertThat(member("legal-aid")).hasValueSatisfying(m -> assertThat(m.reason()).isEqualTo("training"));
        int logins = AMI.logins();

        AMI.restartForgettingMembers();

        await().atMost(PATIENCE).until(() -> AMI.logins() > logins);
        await().atMost(PATIENCE).until(() -> member("legal-aid").filter(PeerQueues.Member::paused).isPresent());
        assertThat(member("legal-consultation")).hasValueSatisfying(m -> {
            assertThat(m.paused()).isTrue();
            assertThat(m.reason()).isEqualTo("training");
        });
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void aQueueCallPopsTheCallerCardThenWrapsUpForTheConfiguredTime() throws Exception {
        String phone = "13800138123";
        String earlier = intake.receive(IntakeRequest.fromCall("desk-earlier-" + System.nanoTime(), "LEGAL_AID",
                "440106", "欠薪三个月想申请法律援助", phone)).ticketNumber();
        state("{\"state\":\"READY\"}").andExpect(status().isOk());
        MvcResult events = mvc.perform(get("/api/v1/staff/desk/events")).andExpect(request().asyncStarted()).andReturn();

        AsteriskAmiPeer.QueueCall call = AMI.queueCallConnects(DESK, LAWYER, phone);

        await().atMost(PATIENCE).until(() -> events.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("\"clocks\":"));
        String stream = events.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stream).contains("\"callId\":\"" + call.uniqueId() + "\"").contains("138****8123")
                .doesNotContain(phone).contains(earlier).contains("\"queueName\":\"法律咨询队列\"");
        mvc.perform(get("/api/v1/staff/desk/call")).andExpect(status().isOk())
                .andExpect(jsonPath("$.callId").value(call.uniqueId()))
                .andExpect(jsonPath("$.regionName").value("北京市"))
                .andExpect(jsonPath("$.businessType").value("LEGAL_CONSULTATION"))
                .andExpect(jsonPath("$.openTickets[0].number").value(earlier));
        assertThat(stored.findById(LAWYER).get().state()).isEqualTo(DeskState.ON_CALL);

        AMI.queueCallEnds(call);
        await().atMost(PATIENCE).until(() -> stored.findById(LAWYER).get().state() == DeskState.WRAP_UP);
        // the state is stored before the PBX is told
        await().atMost(PATIENCE).until(() -> member("legal-consultation")
                .filter(m -> m.paused() && m.reason().equals("after-call-work")).isPresent());

        clock.set(MONDAY_10_00.plusSeconds(44));
        desks.endWrapUps();
        assertThat(stored.findById(LAWYER).get().state()).isEqualTo(DeskState.WRAP_UP);
        clock.set(MONDAY_10_00.plusSeconds(46));
        await().atMost(PATIENCE).until(() -> stored.findById(LAWYER).get().state() == DeskState.READY);
        await().atMost(PATIENCE).until(() -> member("legal-consultation").filter(m -> !m.paused()).isPresent());
        mvc.perform(get("/api/v1/staff/desk/calls")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].callId").value(call.uniqueId()));
    }

    @Test
    void aPauseDuringWrapUpIsKeptWhenTheWrapUpTimeIsOver() throws Exception {
        desks.choose(LAWYER, DeskState.READY, null);
        AsteriskAmiPeer.QueueCall call = AMI.queueCallConnects(DESK, LAWYER, "13800138124");
        await().atMost(PATIENCE).until(() -> stored.findById(LAWYER).get().state() == DeskState.ON_CALL);
        AMI.queueCallEnds(call);
        await().atMost(PATIENCE).until(() -> stored.findById(LAWYER).get().state() == DeskState.WRAP_UP);

        desks.choose(LAWYER, DeskState.PAUSED, org.law12348.telephony.internal.desk.PauseReason.OTHER);
        clock.set(MONDAY_10_00.plusSeconds(120));
        desks.endWrapUps();

        assertThat(stored.findById(LAWYER).get().state()).isEqualTo(DeskState.PAUSED);
        assertThat(member("legal-aid")).hasValueSatisfying(m -> assertThat(m.reason()).isEqualTo("other"));
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void clickToCallRingsTheDeskThenTheCitizenAndPutsTheOutcomeOnTheTimeline() throws Exception {
        String ticket = ticketFor("13800138000");
        mvc.perform(post("/api/v1/staff/tickets/" + ticket + "/callback").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dialNow\":true}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.agentExtension").value("1001"));

        Map<String, String> originate = await().atMost(PATIENCE).until(() -> originateFor(ticket), Optional::isPresent)
                .get();
        assertThat(originate).containsEntry("Channel", DESK).containsEntry("Exten", "13800138000")
                .containsEntry("CallerID", "12348");
        await().atMost(PATIENCE).until(() -> notes(ticket).stream().anyMatch(n -> n.contains("坐席与来电人已接通")));
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void clickToCallToACitizenWhoDoesNotAnswerSaysSoOnTheTimeline() throws Exception {
        String ticket = ticketFor(AsteriskAmiPeer.CITIZEN_NO_ANSWER);
        mvc.perform(post("/api/v1/staff/tickets/" + ticket + "/callback").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dialNow\":true}"))
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> notes(ticket).stream().anyMatch(n -> n.contains("无人接听")));
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void clickToCallOutsideServiceHoursOffersACallbackInstead() throws Exception {
        String ticket = ticketFor("13800138000");
        clock.set(Instant.parse("2026-12-05T02:00:00Z")); // Saturday 10:00 in Shanghai
        int actions = AMI.actions().size();
        mvc.perform(post("/api/v1/staff/tickets/" + ticket + "/callback").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dialNow\":true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("callback.outsideServiceHours"))
                .andExpect(jsonPath("$.canBookCallback").value(true))
                .andExpect(jsonPath("$.nextOpening").value("2026-12-07T00:30:00Z"));
        assertThat(AMI.actions().subList(actions, AMI.actions().size()))
                .noneMatch(a -> "Originate".equalsIgnoreCase(a.get("Action")));
        assertThat(jdbc.queryForObject("select count(*) from callback_task where ticket_number = ?", Integer.class,
                ticket)).isZero();
    }

    @Test
    @WithMockUser(username = "admin1", roles = "ADMIN")
    void anAdminTakingAQueueAwayFromADeskInTheQueuesRemovesItThereAndAddsTheNewOne() throws Exception {
        staffAccount(OTHER_LAWYER);
        desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-consultation", "legal-aid"));
        desks.choose(OTHER_LAWYER, DeskState.PAUSED, org.law12348.telephony.internal.desk.PauseReason.MEAL);
        assertThat(AMI.member("legal-aid", OTHER_DESK)).isPresent();
        int before = AMI.actions().size();

        mvc.perform(put("/api/v1/staff/desks/" + OTHER_LAWYER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberInterface\":\"" + OTHER_DESK + "\",\"queues\":[\"legal-consultation\",\"mediation\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.queues[1].name").value("人民调解队列"));

        List<Map<String, String>> sent = AMI.actions().subList(before, AMI.actions().size());
        assertThat(sent).anyMatch(a -> "QueueRemove".equals(a.get("Action")) && "legal-aid".equals(a.get("Queue")))
                .noneMatch(a -> "QueueRemove".equals(a.get("Action")) && "legal-consultation".equals(a.get("Queue")));
        assertThat(AMI.member("legal-aid", OTHER_DESK)).isEmpty();
        // the added queue takes the desk as it is: paused for a meal
        assertThat(AMI.member("mediation", OTHER_DESK)).hasValueSatisfying(m -> {
            assertThat(m.paused()).isTrue();
            assertThat(m.memberName()).isEqualTo(OTHER_LAWYER);
        });
        assertThat(AMI.member("legal-consultation", OTHER_DESK)).isPresent();
        assertThat(stored.findById(OTHER_LAWYER).get().pendingRemovals()).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin1", roles = "ADMIN")
    void aNewInterfaceTakesTheOldOneOutOfEveryQueue() throws Exception {
        staffAccount(OTHER_LAWYER);
        desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-aid"));
        desks.choose(OTHER_LAWYER, DeskState.READY, null);

        mvc.perform(put("/api/v1/staff/desks/" + OTHER_LAWYER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberInterface\":\"PJSIP/1003\",\"queues\":[\"legal-aid\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.memberInterface").value("PJSIP/1003"));

        assertThat(AMI.member("legal-aid", OTHER_DESK)).isEmpty();
        assertThat(AMI.member("legal-aid", "PJSIP/1003")).hasValueSatisfying(m -> assertThat(m.paused()).isFalse());
    }

    @Test
    @WithMockUser(username = "admin1", roles = "ADMIN")
    void aDeskOffTheQueuesChangesWithoutTellingThePbx() throws Exception {
        staffAccount(OTHER_LAWYER);
        desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-aid"));
        int before = AMI.actions().size();

        mvc.perform(put("/api/v1/staff/desks/" + OTHER_LAWYER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberInterface\":\"" + OTHER_DESK + "\",\"queues\":[\"mediation\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OFFLINE"));

        assertThat(AMI.actions().subList(before, AMI.actions().size()))
                .noneMatch(a -> String.valueOf(a.get("Action")).startsWith("Queue"));
    }

    @Test
    @WithMockUser(username = "admin1", roles = "ADMIN")
    void queuesTakenAwayWhileThePbxIsDownAreRemovedAfterTheNextLogin() throws Exception {
        desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-consultation", "legal-aid"));
        desks.choose(OTHER_LAWYER, DeskState.READY, null);
        int logins = AMI.logins();
        AMI.goDown();
        try {
            await().atMost(PATIENCE).until(() -> !ami.isConnected());
            desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-consultation"));
            assertThat(stored.findById(OTHER_LAWYER).get().pendingRemovals())
                    .containsExactly(new AgentDesk.Membership(OTHER_DESK, "legal-aid"));
            assertThat(AMI.member("legal-aid", OTHER_DESK)).isPresent();
            // nothing would take a cleared desk out of its queues later: it stays until the PBX is back
            mvc.perform(delete("/api/v1/staff/desks/" + OTHER_LAWYER).with(csrf())).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("desk.pbxDown"));
            assertThat(stored.findById(OTHER_LAWYER)).isPresent();
        } finally {
            AMI.comeBack();
        }
        await().atMost(PATIENCE).until(() -> AMI.logins() > logins && ami.isConnected());
        await().atMost(PATIENCE).until(() -> AMI.member("legal-aid", OTHER_DESK).isEmpty());
        await().atMost(PATIENCE).until(() -> stored.findById(OTHER_LAWYER).get().pendingRemovals().isEmpty());
        assertThat(AMI.member("legal-consultation", OTHER_DESK)).isPresent();
    }

    @Test
    @WithMockUser(username = "admin1", roles = "ADMIN")
    void clearingADeskInTheQueuesTakesItOutOfThemFirst() throws Exception {
        desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-consultation", "mediation"));
        desks.choose(OTHER_LAWYER, DeskState.READY, null);

        mvc.perform(delete("/api/v1/staff/desks/" + OTHER_LAWYER).with(csrf())).andExpect(status().isNoContent());

        assertThat(AMI.member("legal-consultation", OTHER_DESK)).isEmpty();
        assertThat(AMI.member("mediation", OTHER_DESK)).isEmpty();
        assertThat(stored.findById(OTHER_LAWYER)).isEmpty();
        mvc.perform(delete("/api/v1/staff/desks/" + OTHER_LAWYER).with(csrf())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("desk.notFound")).andExpect(jsonPath("$.field").value("username"));
    }

    @Test
    @WithMockUser(username = "admin1", roles = "ADMIN")
    void listsWhoMayTakeCallsWithTheirDesksAndTheQueuesToChooseFrom() throws Exception {
        staffAccount(OTHER_LAWYER);
        staffAccount(LAWYER);
        desks.assign(OTHER_LAWYER, OTHER_DESK, List.of("legal-aid"));

        mvc.perform(get("/api/v1/staff/desks")).andExpect(status().isOk())
                .andExpect(jsonPath("$.pbxConnected").value(true))
                .andExpect(jsonPath("$.queues[0].name").value("法律咨询"))
                .andExpect(jsonPath("$.items[?(@.username == '" + OTHER_LAWYER + "')].desk.memberInterface")
                        .value(OTHER_DESK))
                .andExpect(jsonPath("$.items[?(@.username == '" + OTHER_LAWYER + "')].desk.queues[0].name")
                        .value("法律援助队列"))
                .andExpect(jsonPath("$.items[?(@.username == '" + LAWYER + "')].desk.memberInterface").value(DESK));
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void onlyAdministratorsListAndClearDesks() throws Exception {
        mvc.perform(get("/api/v1/staff/desks")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/staff/desks/" + LAWYER).with(csrf())).andExpect(status().isForbidden());
        assertThat(stored.findById(LAWYER)).isPresent();
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void dialsBackAnAbandonedCallWithoutATicketAndPutsTheOutcomeOnTheTicketItMakes() throws Exception {
        String uniqueId = "1795999000." + (System.nanoTime() % 100000);
        AMI.emitEvents(AMI.queues().callerJoins("legal-aid", uniqueId, "13800138555"));
        AMI.emitEvents(AMI.queues().callerAbandons("legal-aid", uniqueId, 12));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from call_record where call_id = ? and outcome = 'ABANDONED'", Integer.class, uniqueId) == 1);
        assertThat(ticketOf(uniqueId)).isNull();

        MvcResult booked = mvc.perform(post("/api/v1/staff/calls/" + uniqueId + "/callback").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.agentExtension").value("1001"))
                .andExpect(jsonPath("$.phone").value("138****8555")).andReturn();
        String ticket = ticketOf(uniqueId);
        assertThat(ticket).isNotNull();
        assertThat(booked.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(ticket);
        assertThat(jdbc.queryForObject("select channel from ticket where number = ?", String.class, ticket))
                .isEqualTo("PHONE");

        Map<String, String> originate = await().atMost(PATIENCE).until(() -> originateFor(ticket), Optional::isPresent)
                .get();
        assertThat(originate).containsEntry("Channel", DESK).containsEntry("Exten", "13800138555")
                .containsEntry("CallerID", "12348");
        await().atMost(PATIENCE).until(() -> notes(ticket).stream().anyMatch(n -> n.contains("坐席与来电人已接通")));
        assertThat(jdbc.queryForObject("select outcome from call_record where call_id = ?", String.class, uniqueId))
                .isEqualTo("ABANDONED");

        // dialling the same call again goes on the same ticket
        mvc.perform(post("/api/v1/staff/calls/" + uniqueId + "/callback").with(csrf())).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.ticketNumber").value(ticket));
        assertThat(jdbc.queryForObject("select count(*) from ticket where channel_ref = ?", Integer.class,
                intake.referenceOf(Channel.PHONE, uniqueId))).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = LAWYER, roles = "DISPATCHER")
    void aMissedCallDialledBackOutsideServiceHoursMakesNoTicket() throws Exception {
        String uniqueId = "1795999100." + (System.nanoTime() % 100000);
        AMI.emitEvents(AMI.queues().callerJoins("legal-aid", uniqueId, "13800138556"));
        AMI.emitEvents(AMI.queues().callerAbandons("legal-aid", uniqueId, 5));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from call_record where call_id = ? and outcome = 'ABANDONED'", Integer.class, uniqueId) == 1);
        clock.set(Instant.parse("2026-12-05T02:00:00Z")); // Saturday

        mvc.perform(post("/api/v1/staff/calls/" + uniqueId + "/callback").with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("callback.outsideServiceHours"));
        assertThat(ticketOf(uniqueId)).isNull();
        mvc.perform(post("/api/v1/staff/calls/no-such-call/callback").with(csrf())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("callId"));
    }

    @Test
    @WithMockUser(username = "handler-desk", roles = "UNIT_HANDLER")
    void aUnitHandlerDoesNotDialBackACallWithoutATicketAndNothingIsMade() throws Exception {
        String uniqueId = "1795999200." + (System.nanoTime() % 100000);
        AMI.emitEvents(AMI.queues().callerJoins("legal-aid", uniqueId, "13800138557"));
        AMI.emitEvents(AMI.queues().callerAbandons("legal-aid", uniqueId, 7));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from call_record where call_id = ? and outcome = 'ABANDONED'", Integer.class, uniqueId) == 1);

        // the ticket such a call gets may go to another unit, whose ticket the handler could not call back on
        mvc.perform(post("/api/v1/staff/calls/" + uniqueId + "/callback").with(csrf()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value("尚未建单的来电由调度员回拨"));
        assertThat(ticketOf(uniqueId)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from callback_task where call_id = ?", Integer.class, uniqueId))
                .isZero();
    }

    private String ticketOf(String callId) {
        return jdbc.queryForObject("select ticket_number from call_record where call_id = ?", String.class, callId);
    }

    private void staffAccount(String username) {
        jdbc.update("insert into staff_account (username, password_hash, display_name, role, enabled) "
                + "select ?, '{noop}x', ?, 'DISPATCHER', true where not exists "
                + "(select 1 from staff_account where username = ?)", username, "值班律师" + username, username);
    }

    private String ticketFor(String phone) {
        return intake.receive(IntakeRequest.fromCall("desk-c2c-" + System.nanoTime(), "LEGAL_AID", "440106",
                "请律师回电说明法律援助的条件", phone)).ticketNumber();
    }

    private Optional<Map<String, String>> originateFor(String ticket) {
        return AMI.actions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("Action"))
                && String.valueOf(a.get("Variable")).contains("HOTLINE_TICKET=" + ticket)).findFirst();
    }

    private List<String> notes(String ticket) {
        return jdbc.queryForList("select e.text from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? order by e.id", String.class, ticket);
    }

    private org.springframework.test.web.servlet.ResultActions state(String body) throws Exception {
        return mvc.perform(put("/api/v1/staff/desk/state").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private Optional<PeerQueues.Member> member(String queue) {
        return AMI.member(queue, DESK);
    }

    private Map<String, String> lastAction(String name) {
        List<Map<String, String>> all = AMI.actions();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (name.equalsIgnoreCase(all.get(i).get("Action"))) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + name);
    }

    static AsteriskAmiPeer startPeer() {
        try {
            return new AsteriskAmiPeer("hotline-secret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
