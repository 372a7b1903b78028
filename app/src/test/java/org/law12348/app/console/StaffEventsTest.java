package org.law12348.app.console;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace queue's Server-Sent Events over real HTTP: who receives which ticket events. */
class StaffEventsTest extends ConsoleTestSupport {

    /** The data lines of one open event stream, collected as they arrive. */
    final class EventStream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> passedOver = new java.util.ArrayList<>();
        private final Stream<String> body;

        EventStream(String user) throws IOException, InterruptedException {
            String token = Base64.getEncoder().encodeToString((user + ":demo12348").getBytes(StandardCharsets.UTF_8));
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/staff/events"))
                            .header("Authorization", "Basic " + token)
                            .header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            Thread reader = new Thread(() -> body.forEach(lines::add), "sse-reader-" + user);
            reader.setDaemon(true);
            reader.start();
            assertThat(await(l -> l.contains("subscribed"))).isNotNull();
        }

        /**
         * The first line, received so far or within 15 s, that is wanted; it is taken, the others are kept
         * for later calls. Two relays (the test's and the node's) may deliver two tickets' events in
         * either order, so a line passed over while waiting for another may be the next one asked for.
         */
        String await(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (true) {
                lines.drainTo(passedOver);
                for (java.util.Iterator<String> it = passedOver.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (wanted.test(line)) {
                        it.remove();
                        return line;
                    }
                }
                if (System.nanoTime() >= end) {
                    return null;
                }
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    passedOver.add(line);
                }
            }
        }

        /** Every line received and not taken by {@link #await}. */
        List<String> drain() {
            lines.drainTo(passedOver);
            List<String> rest = List.copyOf(passedOver);
            passedOver.clear();
            return rest;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    @Test
    void newTicketsReachDispatchersAndOnlyTheirOwnUnitsReachUnitHandlers() throws Exception {
        try (EventStream dispatcher = new EventStream("dispatcher"); EventStream handler = new EventStream("handler-gz")) {
            String phone = newPhone();
            String shenzhen = submit("NOTARIZATION", "440305", phone, "办理出国留学需要的学历公证。");
            String guangzhouAid = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
            relay.relayPending();

            assertThat(dispatcher.await(l -> l.contains(shenzhen))).contains("\"type\":\"CREATED\"");
            assertThat(dispatcher.await(l -> l.contains(guangzhouAid))).contains("新工单");
            assertThat(handler.await(l -> l.contains(guangzhouAid))).contains("GD-4401-LEGAL-AID");
            assertThat(handler.drain()).noneMatch(l -> l.contains(shenzhen));
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.law12348.ticketing.TicketDeadlines deadlines;

    @Test
    void escalationsAndHandOversArePushedToo() throws Exception {
        try (EventStream dispatcher = new EventStream("dispatcher")) {
            String late = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
            String unanswered = submit("LEGAL_CONSULTATION", "440106", newPhone(), "离婚后孩子的抚养权怎么确定？");
            relay.relayPending();
            deadlines.escalateIfUnanswered(late, "已超过办理时限仍未答复，提交调度员督办");
            deadlines.handOverToOutsourcedUnit(unanswered, "志愿者咨询池24小时内无人答复");
            relay.relayPending();

            assertThat(dispatcher.await(l -> l.contains(late) && l.contains("ESCALATED"))).contains("需督办");
            assertThat(dispatcher.await(l -> l.contains(unanswered) && l.contains("HANDED_OVER")))
                    .contains("GD-4401-OUTSOURCED");
        }
    }

    @Autowired
    TicketService tickets;

    @Test
    void reassignedAndClosedTicketsArePushedSoOpenQueuesFollowChanges() throws Exception {
        try (EventStream dispatcher = new EventStream("dispatcher"); EventStream handler = new EventStream("handler-gz")) {
            String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
            relay.relayPending();
            assertThat(handler.await(l -> l.contains(number) && l.contains("CREATED"))).isNotNull();
            StaffMember staff = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);
            tickets.reassign(number, "GD-4403-LEGAL-AID", "当事人在深圳务工", staff);
            relay.relayPending();
            assertThat(dispatcher.await(l -> l.contains(number) && l.contains("\"type\":\"REASSIGNED\"")))
                    .contains("GD-4403-LEGAL-AID").contains("已转派");
            tickets.close(number, "已电话答复", staff);
            relay.relayPending();
            assertThat(dispatcher.await(l -> l.contains(number) && l.contains("\"type\":\"CLOSED\""))).contains("已办结");
            // the Guangzhou handler no longer holds it: neither change is theirs to hear
            assertThat(handler.drain()).noneMatch(l -> l.contains(number) && l.contains("CLOSED"));
        }
    }

    @Test
    void consultantsGetNoQueueEvents() throws Exception {
        mvc.perform(StaffTicketActionsTest.as("consultant", "CONSULTANT",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/staff/events")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void badgeCountsFollowTheDeadlineStates() throws Exception {
        String before = mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/staff/tickets/deadline-counts")))
                .andReturn().getResponse().getContentAsString();
        submit("LEGAL_CONSULTATION", "440106", newPhone(), "离婚后孩子的抚养权怎么确定？");
        String after = mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/staff/tickets/deadline-counts")))
                .andReturn().getResponse().getContentAsString();
        assertThat(count(after, "POOL_UNANSWERED")).isEqualTo(count(before, "POOL_UNANSWERED") + 1);
    }

    private static long count(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
