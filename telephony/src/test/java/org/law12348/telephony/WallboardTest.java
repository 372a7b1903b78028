package org.law12348.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.ami.AmiConnector;
import org.law12348.telephony.internal.ami.QueueBoard;
import org.law12348.telephony.peer.PbxQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The wallboard against the AMI peer: the figures of every queue after the login's QueueSummary and
 * QueueStatus, then after each step of a scripted sequence of queue events (issue 20's check), over
 * the JSON endpoint and the event stream.
 */
class WallboardTest extends AmiDeskIntegrationTest {

    /** A Tuesday no other test makes calls on, 10:00 in Shanghai: "today" holds only this test's calls. */
    static final Instant T0 = Instant.parse("2026-12-08T02:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final String LC = "legal-consultation";

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired QueueBoard board;
    @Autowired AmiConnector ami;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void figuresFollowAScriptedSequenceOfQueueEvents() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        clock.set(T0);
        board.resync(); // what each login does; again here so that the 42 s wait counts from T0
        PbxQueues pbx = AMI.queues();

        JsonNode start = wallboard();
        assertThat(start.get("pbx").asText()).isEqualTo("CONNECTED");
        assertThat(start.get("pbxName").asText()).isEqualTo("电话交换机已连接");
        assertCard(start, LC, "法律咨询", 0, 0, 2, 0, 0);
        assertCard(start, "mediation", "人民调解", 1, 42, 0, 0, 1);
        assertThat(card(start, "mediation").get("agentsOffline").asInt()).isEqualTo(1);
        assertThat(card(start, LC).get("serviceLevel").isNull()).isTrue();

        AMI.emitEvents(pbx.callerJoins(LC, "1795990200.1", "13912340001"));
        awaitCard(LC, 1, 0, 2, 0, 0); // events arrive on their own thread: wait before the clock moves on
        clock.set(T0.plusSeconds(5));
        AMI.emitEvents(pbx.callerJoins(LC, "1795990200.2", "13912340002"));
        awaitCard(LC, 2, 5, 2, 0, 0);

        clock.set(T0.plusSeconds(8));
        AMI.emitEvents(pbx.agentAnswers(LC, "1795990200.1", "Local/agent1@agents/n", 8));
        awaitCard(LC, 1, 3, 1, 1, 0);

        clock.set(T0.plusSeconds(35));
        AMI.emitEvents(pbx.callerAbandons(LC, "1795990200.2", 30));
        AMI.emitEvents(pbx.memberPauses(LC, "Local/agent2@agents/n", true, "午餐"));
        awaitCard(LC, 0, 0, 0, 1, 1);

        clock.set(T0.plusSeconds(40));
        AMI.emitEvents(pbx.agentCompletes(LC, "1795990200.1", "Local/agent1@agents/n", 8, 32));
        awaitCard(LC, 0, 0, 1, 0, 1);
        JsonNode after = wallboard();
        assertThat(card(after, LC).get("answeredToday").asLong()).isEqualTo(1);
        assertThat(card(after, LC).get("abandonedToday").asLong()).isEqualTo(1);
        assertThat(card(after, LC).get("serviceLevel").asDouble()).isEqualTo(0.5);

        // answered after 25 s: outside the 20 s of the service level
        AMI.emitEvents(pbx.callerJoins(LC, "1795990200.3", "13912340003"));
        awaitCard(LC, 1, 0, 1, 0, 1);
        clock.set(T0.plusSeconds(65));
        AMI.emitEvents(pbx.agentAnswers(LC, "1795990200.3", "Local/agent1@agents/n", 25));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode card = card(wallboard(), LC);
            assertThat(card.get("answeredToday").asLong()).isEqualTo(2);
            assertThat(card.get("answeredWithinTarget").asLong()).isEqualTo(1);
            assertThat(card.get("serviceLevel").asDouble()).isEqualTo(1.0 / 3);
            assertThat(card.get("agentsOnCall").asInt()).isEqualTo(1);
        });
        AMI.emitEvents(pbx.agentCompletes(LC, "1795990200.3", "Local/agent1@agents/n", 25, 10));
        AMI.emitEvents(pbx.memberPauses(LC, "Local/agent2@agents/n", false, ""));
        awaitCard(LC, 0, 0, 2, 0, 0);
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void streamsTheBoardAndItsChangesAsServerSentEvents() throws Exception {
        await().atMost(PATIENCE).until(ami::isConnected);
        clock.set(T0.plusSeconds(3600));
        board.resync();
        MvcResult stream = mvc.perform(get("/api/v1/staff/wallboard/events"))
                .andExpect(request().asyncStarted()).andReturn();
        int waitingBefore = card(last(stream), "mediation").get("waiting").asInt();

        AMI.emitEvents(AMI.queues().callerJoins("mediation", "1795990300.1", "13912340009"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(card(last(stream), "mediation").get("waiting").asInt()).isEqualTo(waitingBefore + 1));
        AMI.emitEvents(AMI.queues().callerAbandons("mediation", "1795990300.1", 3));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(card(last(stream), "mediation").get("waiting").asInt()).isEqualTo(waitingBefore));
    }

    @Test
    @WithMockUser(username = "handler1", roles = "UNIT_HANDLER")
    void isForDispatchersAndAdministratorsOnly() throws Exception {
        mvc.perform(get("/api/v1/staff/wallboard")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("你的角色不能查看实时监控"));
        mvc.perform(get("/api/v1/staff/wallboard/events")).andExpect(status().isForbidden());
    }

    private JsonNode wallboard() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/staff/wallboard").with(user("dispatcher1").roles("DISPATCHER")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The last board the stream sent (awaitility asks from a thread of its own: the user goes along). */
    private JsonNode last(MvcResult stream) throws Exception {
        List<String> data = stream.getResponse().getContentAsString().lines()
                .filter(l -> l.startsWith("data:")).toList();
        assertThat(data).isNotEmpty();
        return json.readTree(data.get(data.size() - 1).substring("data:".length()));
    }

    private static JsonNode card(JsonNode board, String queue) {
        for (JsonNode card : board.get("queues")) {
            if (card.get("queue").asText().equals(queue)) {
                return card;
            }
        }
        throw new AssertionError("no card for " + queue + " in " + board);
    }

    private void awaitCard(String queue, int waiting, long longest, int available, int onCall, int paused) {
        await().atMost(PATIENCE).untilAsserted(() -> assertCard(wallboard(), queue, null, waiting, longest, available,
                onCall, paused));
    }

    private static void assertCard(JsonNode board, String queue, String name, int waiting, long longest,
                                   int available, int onCall, int paused) {
        JsonNode card = card(board, queue);
        if (name != null) {
            assertThat(card.get("queueName").asText()).isEqualTo(name);
        }
        assertThat(List.of(card.get("waiting").asInt(), card.get("longestWaitSeconds").asInt(),
                card.get("agentsAvailable").asInt(), card.get("agentsOnCall").asInt(), card.get("agentsPaused").asInt()))
                .as("waiting, longest wait, available, on a call, paused in " + queue)
                .containsExactly(waiting, (int) longest, available, onCall, paused);
    }
}
