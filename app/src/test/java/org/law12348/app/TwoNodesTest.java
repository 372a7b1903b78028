package org.law12348.app;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one PostgreSQL, both with job executors and outbox relays running:
 * every timer's effect happens once, a contested claim has one winner, one submission sent to
 * both nodes at once makes one ticket, and a holiday-calendar edit saved on one node is used by the
 * other from its next reload.
 */
@Tag("slow")
class TwoNodesTest {

    private static final int QUESTIONS = 50;
    private static final int SERVICE_REQUESTS = 10;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void twoNodesShareTheWorkAndEveryEffectHappensOnce() throws Exception {
        String database = PostgresDatabase.create("law12348_nodes");
        // each node reloads the holiday calendar every second here (PT1M in the product)
        Map<String, Object> calendarRefresh = Map.of("law12348.ticketing.holiday-calendar-refresh", "PT1S");
        try (AppNode a = AppNode.start("nodeA", database, calendarRefresh);
             AppNode b = AppNode.start("nodeB", database, calendarRefresh)) {
            oneSubmissionSentToBothNodesMakesOneTicket(a, b);
            aQuestionClaimedThroughBothNodesHasOneHolder(a, b);
            everyTimerEffectHappensOnce(a, b);
            jobAcquisitionFindsLockedJobsByIndex(a);
            aHolidayCalendarEditOnOneNodeReachesTheOtherAtItsNextReload(a, b);
        }
    }

    /**
     * An administrator makes Monday 11 January 2027 a holiday through node A. Node B did not take the
     * edit; it computes with it from its next reload on: a labour-arbitration year from 10 January 2026
     * then ends on Tuesday 12 January 2027 there too.
     */
    private void aHolidayCalendarEditOnOneNodeReachesTheOtherAtItsNextReload(AppNode a, AppNode b) {
        String number = b.ask("公司2026年1月10日把我辞退了，没有任何补偿，还能申请劳动仲裁吗？");
        assertThat(addArbitrationClock(b, number)).isEqualTo("2027-01-11");
        HttpApi.Answer shipped = a.api().get("/api/v1/admin/holiday-calendar/2027", HttpApi.basic("admin"));
        String edit = HttpApi.json(Map.of("status", "OFFICIAL", "source", "国务院办公厅关于2027年部分节假日安排的通知（测试）",
                "days", PostgresHolidayCalendarTest.daysWithHoliday(shipped.body(), "2027-01-11")));
        HttpApi.Answer saved = a.api().request("PUT", "/api/v1/admin/holiday-calendar/2027", "application/json",
                edit.getBytes(StandardCharsets.UTF_8), HttpApi.basic("admin"));
        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> addArbitrationClock(b, number).equals("2027-01-12"));
    }

    /** Adds a labour-arbitration clock from 10 January 2026 through {@code node}; the due date it computed. */
    private static String addArbitrationClock(AppNode node, String number) {
        HttpApi.Answer added = node.api().post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-01-10")), HttpApi.basic("admin"));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        return added.text("dueDate");
    }

    /** Both nodes created it at start-up (workflow-models LockedJobsIndexPlugin); it exists once. */
    private void jobAcquisitionFindsLockedJobsByIndex(AppNode a) {
        assertThat(a.jdbc().queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' "
                + "and indexname = 'law12348_idx_job_locked'", String.class))
                .singleElement(STRING)
                .contains("(lock_exp_time_)", "WHERE (lock_owner_ IS NOT NULL)");
    }

    private void oneSubmissionSentToBothNodesMakesOneTicket(AppNode a, AppNode b) throws Exception {
        String body = HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "同一份法律援助申请，网络抖动后客户端向两个节点各发了一次。"));
        List<HttpApi.Answer> answers = concurrently(
                () -> a.api().post("/api/v1/tickets", body, "Idempotency-Key", "both-nodes-1"),
                () -> b.api().post("/api/v1/tickets", body, "Idempotency-Key", "both-nodes-1"));

        assertThat(answers).extracting(HttpApi.Answer::status).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.get(0).text("number")).isEqualTo(answers.get(1).text("number"));
        assertThat(a.jdbc().queryForObject("select count(*) from ticket where text = ?", Integer.class,
                "同一份法律援助申请，网络抖动后客户端向两个节点各发了一次。")).isOne();
    }

    private void aQuestionClaimedThroughBothNodesHasOneHolder(AppNode a, AppNode b) throws Exception {
        String number = a.ask("房东不退押金怎么办？合同到期已经搬走了。");
        String other = b.certifiedVolunteer();
        List<HttpApi.Answer> answers = concurrently(
                () -> a.api().post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic("consultant")),
                () -> b.api().post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic(other)));

        assertThat(answers).extracting(HttpApi.Answer::status).containsExactlyInAnyOrder(200, 409);
        assertThat(a.entries(number, "CLAIMED")).isOne();
    }

    private void everyTimerEffectHappensOnce(AppNode a, AppNode b) {
        List<String> questions = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        Instant latestDue = Instant.now().plus(Duration.ofHours(24));
        for (int i = 0; i < QUESTIONS; i++) {
            questions.add((i % 2 == 0 ? a : b).ask("第" + i + "个问题：单位不签劳动合同，能要求双倍工资吗？"));
        }
        for (int i = 0; i < SERVICE_REQUESTS; i++) {
            HttpApi.Answer created = (i % 2 == 0 ? a : b).api().post("/api/v1/tickets", HttpApi.json(Map.of(
                    "businessType", "LEGAL_AID", "regionCode", "440106", "text", "第" + i + "份法律援助申请：工伤赔偿纠纷。")));
            requests.add(created.text("number"));
            Instant due = Instant.parse(created.text("dueAt"));
            latestDue = due.isAfter(latestDue) ? due : latestDue;
        }
        JdbcTemplate jdbc = a.jdbc();
        String[] numbers = all(questions, requests);
        await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.queryForObject("select count(*) from act_ru_execution "
                + "where id_ = proc_inst_id_ and business_key_ = any (?)", Integer.class, (Object) numbers)
                == QUESTIONS + SERVICE_REQUESTS);

        ClockUtil.setCurrentTime(Date.from(latestDue.plus(Duration.ofMinutes(1))));
        await().atMost(Duration.ofSeconds(50)).until(() -> count(jdbc, "HANDED_OVER", questions) == QUESTIONS
                && count(jdbc, "ESCALATED", requests) == SERVICE_REQUESTS);

        for (String question : questions) {
            assertThat(a.entries(question, "HANDED_OVER")).as(question).isOne();
        }
        for (String request : requests) {
            assertThat(a.entries(request, "ESCALATED")).as(request).isOne();
        }
        assertThat(jdbc.queryForObject("select count(*) from (select ticket_number from outbox_event "
                + "where event_type = 'TicketHandedOver' group by ticket_number having count(*) > 1) twice",
                Integer.class)).isZero();
        ManagementService management = b.bean(ManagementService.class);
        assertThat(management.createJobQuery().withException().count()).isZero();
        assertThat(management.createJobQuery().noRetriesLeft().count()).isZero();
    }

    private static String[] all(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }

    private static int count(JdbcTemplate jdbc, String type, List<String> numbers) {
        return jdbc.queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where e.type = ? and t.number = any (?)", Integer.class, type, (Object) numbers.toArray(String[]::new));
    }

    @SafeVarargs
    private static List<HttpApi.Answer> concurrently(Callable<HttpApi.Answer>... calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<HttpApi.Answer>> futures = new ArrayList<>();
            for (Callable<HttpApi.Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<HttpApi.Answer> answers = new ArrayList<>();
            for (Future<HttpApi.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
