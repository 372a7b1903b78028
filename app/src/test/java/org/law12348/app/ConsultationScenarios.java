package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.consultation.PointsLedger;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SimilarAnsweredTickets;
import org.law12348.ticketing.internal.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Online consultation with certified volunteers: claims, answers, points, the 24-hour rule. */
abstract class ConsultationScenarios {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    PointsLedger ledger;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SimilarAnsweredTickets similarTickets;
    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    String ask(String text) {
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440106", "text", text)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("queue")).isEqualTo("VOLUNTEER_POOL");
        relay.relayPending();
        return created.text("number") + " " + created.text("trackingToken");
    }

    /** Registers a volunteer and has the admin certify them; returns the username. */
    String certifiedVolunteer() {
        String username = "vol" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Answer registered = api.post("/api/v1/consultant-registrations", HttpApi.json(Map.of(
                "username", username, "password", "demo12348", "displayName", "志愿者" + username,
                "application", Map.of("qualification", "GRASSROOTS_LEGAL_WORKER", "licenceNumber", "GD-2024-" + username,
                        "regionCode", "440100", "businessTypes", List.of("LEGAL_CONSULTATION"),
                        "categories", List.of("LABOR", "HOUSING"), "statement", "基层法律服务工作者"))));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("status")).isEqualTo("APPLIED");
        HttpApi.Answer approved = api.post("/api/v1/admin/consultants/" + username + "/approve",
                HttpApi.json(Map.of("validUntil", LocalDate.now().plusYears(1).toString())), HttpApi.basic("admin"));
        assertThat(approved.status()).isEqualTo(200);
        return username;
    }

    /** Issue 19: the review list lacked the applicant's details; the workspace's page shows them from here. */
    @Test
    void theReviewListCarriesTheApplicantsNameAndWhenTheyApplied() {
        String volunteer = certifiedVolunteer();
        HttpApi.Answer all = api.get("/api/v1/admin/consultants", HttpApi.basic("admin"));
        JsonNode applicant = null;
        for (JsonNode c : all.body()) {
            if (c.path("username").asText().equals(volunteer)) {
                applicant = c;
            }
        }
        assertThat(applicant).isNotNull();
        assertThat(applicant.path("displayName").asText()).isEqualTo("志愿者" + volunteer);
        assertThat(applicant.path("appliedAt").asText()).isNotBlank();
        assertThat(applicant.path("licenceNumber").asText()).isEqualTo("GD-2024-" + volunteer);
        assertThat(applicant.path("regionName").asText()).contains("广州市");
        assertThat(applicant.path("qualificationName").asText()).isEqualTo("基层法律服务工作者");
        assertThat(applicant.path("statusName").asText()).isEqualTo("已认证");
        assertThat(applicant.path("validUntil").asText()).isEqualTo(LocalDate.now().plusYears(1).toString());
        assertThat(api.get("/api/v1/admin/consultants", HttpApi.basic("dispatcher")).status()).isEqualTo(403);
    }

    @Test
    void aCertifiedConsultantClaimsAndAnswersAndEarnsPointsWhenTheCitizenAccepts() {
        String[] asked = ask("公司拖欠工资两个月不发，我该怎么讨薪？").split(" ");
        String number = asked[0];
        String[] citizen = {"X-Tracking-Token", asked[1]};
        long before = balance("consultant");

        assertThat(api.get("/api/v1/consultant/pool", HttpApi.basic("consultant")).body().toString()).contains(number);
        assertThat(api.post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic("consultant"))
                .text("assignee")).isEqualTo("consultant");
        HttpApi.Answer tooShort = api.post("/api/v1/consultant/pool/" + number + "/answer",
                HttpApi.json(Map.of("text", "去仲裁")), HttpApi.basic("consultant"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.text("field")).isEqualTo("text");
        HttpApi.Answer answered = api.post("/api/v1/consultant/pool/" + number + "/answer", HttpApi.json(Map.of(
                "text", "可以先与单位协商，协商不成可向劳动保障监察机构投诉，或向劳动人事争议仲裁委员会申请仲裁，仲裁不收费。",
                "citedArticles", List.of("劳动争议调解仲裁法第五条"))), HttpApi.basic("consultant"));
        assertThat(answered.status()).isEqualTo(201);

        assertThat(api.get("/api/v1/tickets/" + number, citizen).text("status")).isEqualTo("ANSWERED");
        api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 5)), citizen);
        assertThat(api.post("/api/v1/tickets/" + number + "/accept-answer", "{}", citizen).text("status"))
                .isEqualTo("CLOSED");
        relay.relayPending();

        assertThat(balance("consultant") - before).isEqualTo(10 + 5 + 5 + 5);
        assertThat(api.get("/api/v1/consultant/me", HttpApi.basic("consultant")).body().path("monthRank").asInt())
                .isPositive();
    }

    /** Issue 19: a consultant never saw the citizen's follow-up, and points showed 0 without saying why. */
    @Test
    void theConsultantReadsTheFollowUpOfTheirQuestionAndWhyItsAnswerHasNotEarnedYet() {
        String[] asked = ask("公司拖欠工资两个月不发，我的电话13812345678，该怎么讨薪？").split(" ");
        String number = asked[0];
        String[] citizen = {"X-Tracking-Token", asked[1]};
        String question = "/api/v1/consultant/claims/" + number;
        assertThat(api.get(question, HttpApi.basic("consultant")).status()).isEqualTo(404);

        api.post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic("consultant"));
        HttpApi.Answer claimed = api.get("/api/v1/consultant/claims/" + number.toLowerCase(java.util.Locale.ROOT),
                HttpApi.basic("consultant"));
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.text("text")).contains("138****5678").doesNotContain("13812345678");
        assertThat(claimed.text("categoryName")).isEqualTo("劳动争议");
        Instant claimedAt = Instant.parse(claimed.text("claimedAt"));
        assertThat(Instant.parse(claimed.text("claimExpiresAt"))).isEqualTo(claimedAt.plus(Duration.ofHours(2)));
        assertThat(api.get(question, HttpApi.basic(certifiedVolunteer())).status()).isEqualTo(404);

        api.post("/api/v1/consultant/pool/" + number + "/answer", HttpApi.json(Map.of(
                "text", "可以先与单位协商，协商不成可向劳动保障监察机构投诉，或者申请劳动仲裁，仲裁不收费。")), HttpApi.basic("consultant"));
        assertThat(api.get("/api/v1/consultant/answers", HttpApi.basic("consultant")).body().toString())
                .contains(number, "等待市民确认解决");
        api.post("/api/v1/tickets/" + number + "/follow-ups", HttpApi.json(Map.of("text", "仲裁需要准备哪些材料？")), citizen);

        HttpApi.Answer followedUp = api.get(question, HttpApi.basic("consultant"));
        assertThat(followedUp.body().findValuesAsText("kindName")).containsExactly("提问", "答复", "追问");
        assertThat(followedUp.body().path("messages").get(2).path("text").asText()).isEqualTo("仲裁需要准备哪些材料？");
        assertThat(followedUp.body().path("messages").get(1).path("mine").asBoolean()).isTrue();
        assertThat(followedUp.body().hasNonNull("claimExpiresAt")).isFalse();
        assertThat(api.get("/api/v1/consultant/claims", HttpApi.basic("consultant")).body().toString()).contains(number);
        assertThat(api.get("/api/v1/consultant/answers", HttpApi.basic("consultant")).body().toString())
                .contains("市民追问中");
    }

    @Test
    void aResolvedAnswerBecomesOneDraftFaqInOneActionAndAnAdminPublishesIt() {
        String number = ask("单位拖欠工资两个月不发，我的电话13812345678，老板总说下个月，我该怎么讨薪？").split(" ")[0];
        String fromTicket = "/api/v1/kb/articles/from-ticket/" + number;
        assertThat(api.post(fromTicket, "{}", HttpApi.basic("consultant")).status()).isEqualTo(404);
        HttpApi.Answer noAnswerYet = api.post(fromTicket, "{}", HttpApi.basic("admin"));
        assertThat(noAnswerYet.status()).isEqualTo(409);
        assertThat(noAnswerYet.text("code")).isEqualTo("answer.notReusable");

        api.post("/api/v1/consultant/pool/" + number + "/answer", HttpApi.json(Map.of(
                "text", "可以先书面催告，仍不支付的向劳动保障监察机构投诉，或向劳动人事争议仲裁委员会申请仲裁，仲裁不收费。",
                "citedArticles", List.of("劳动争议调解仲裁法第五条", "本市欠薪处理办法"))), HttpApi.basic("consultant"));

        HttpApi.Answer drafted = api.post(fromTicket, "{}", HttpApi.basic("consultant"));
        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.text("id");
        assertThat(drafted.text("status")).isEqualTo("DRAFT");
        assertThat(drafted.text("author")).isEqualTo("consultant");
        assertThat(drafted.text("sourceTicket")).isEqualTo(number);
        assertThat(drafted.text("category")).isEqualTo("劳动争议");
        assertThat(drafted.text("question")).contains("138****5678").doesNotContain("13812345678");
        assertThat(drafted.text("answer")).startsWith("可以先书面催告").endsWith("引用法条：本市欠薪处理办法");
        assertThat(drafted.body().path("laws").toString()).contains("劳动争议调解仲裁法", "第五条");

        HttpApi.Answer again = api.post(fromTicket, "{}", HttpApi.basic("consultant"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(id);
        assertThat(jdbc.queryForObject("select count(*) from kb_faq_article where source_ticket = ?", Integer.class,
                number)).isEqualTo(1);
        assertThat(api.post(fromTicket, "{}", HttpApi.basic(certifiedVolunteer())).status()).isEqualTo(404);
        assertThat(api.post(fromTicket, "{}", HttpApi.basic("dispatcher")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/kb/articles/" + id).status()).isEqualTo(404);

        assertThat(api.post("/api/v1/kb/articles/" + id + "/publish", "{}", HttpApi.basic("admin")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/kb/articles/" + id).text("answer")).startsWith("可以先书面催告");
        assertThat(api.get("/api/v1/kb/search?limit=20&q=" + URLEncoder.encode("老板拖欠工资两个月怎么讨薪", StandardCharsets.UTF_8)).body()
                .findValuesAsText("id")).contains(id);
    }

    @Test
    void theConsultantSeesTheMostSimilarAnsweredTicketsMaskedAndNeverRejectedOnes() {
        String rent = ask("房东一直扣着租房押金不退，合同已经到期搬走了，我电话13912345678，怎么办？").split(" ")[0];
        long rentAnswer = api.post("/api/v1/consultant/pool/" + rent + "/answer", HttpApi.json(Map.of(
                "text", "租赁合同终止、房屋交还后，房东应当退还<b>押金</b>；协商不成可以向人民法院起诉要求返还。")),
                HttpApi.basic("consultant")).body().path("id").asLong();
        String traffic = ask("骑电动车被汽车撞了，对方全责，误工费和护理费怎么算？").split(" ")[0];
        api.post("/api/v1/consultant/pool/" + traffic + "/answer", HttpApi.json(Map.of(
                "text", "误工费根据误工时间和收入状况确定，护理费根据护理人员的收入状况和护理人数、期限确定。")),
                HttpApi.basic("consultant"));
        String unanswered = ask("房东不退押金还要扣钱，租房合同到期了能不能要回押金？").split(" ")[0];
        String asking = ask("租的房子合同到期了，房东扣着押金不还，我该怎么要回押金？").split(" ")[0];
        String question = jdbc.queryForObject("select text from ticket where number = ?", String.class, asking);

        List<SearchHit> similar = similarTickets.like(Map.of(asking, question), 3).get(asking);
        assertThat(similar).extracting(SearchHit::id).contains(rent).doesNotContain(traffic, unanswered, asking);
        SearchHit hit = similar.stream().filter(h -> h.id().equals(rent)).findFirst().orElseThrow();
        assertThat(hit.title()).contains("139****5678").doesNotContain("13912345678");
        assertThat(hit.snippet()).contains("押金").doesNotContain("<b>");

        api.post("/api/v1/staff/answers/" + rentAnswer + "/flag", HttpApi.json(Map.of("reason", "答复不完整")),
                HttpApi.basic("dispatcher"));
        api.post("/api/v1/staff/answers/" + rentAnswer + "/review",
                HttpApi.json(Map.of("upheld", false, "reason", "答复内容有误")), HttpApi.basic("admin"));
        assertThat(similarTickets.like(Map.of(asking, question), 3).get(asking)).extracting(SearchHit::id)
                .doesNotContain(rent);
    }

    @Test
    void twoConsultantsClaimingAtOnceExactlyOneWins() throws Exception {
        String number = ask("房东不退押金怎么办？合同到期已经搬走了。").split(" ")[0];
        String other = certifiedVolunteer();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (String user : List.of("consultant", other)) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic(user)).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : outcomes) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        String holder = jdbc.queryForObject("select assignee from ticket where number = ?", String.class, number);
        String loser = holder.equals("consultant") ? other : "consultant";
        HttpApi.Answer stolen = api.post("/api/v1/consultant/pool/" + number + "/answer", HttpApi.json(Map.of(
                "text", "押金应当在租赁合同终止且房屋交还后退还，可以先协商，再向法院起诉。")), HttpApi.basic(loser));
        assertThat(stolen.status()).isEqualTo(409);
    }

    @Test
    void uncertifiedAndSuspendedConsultantsCannotClaim() {
        String number = ask("离婚时孩子抚养权怎么判？孩子三岁。").split(" ")[0];
        String volunteer = certifiedVolunteer();
        api.post("/api/v1/admin/consultants/" + volunteer + "/suspend", HttpApi.json(Map.of("reason", "答复质量投诉较多")),
                HttpApi.basic("admin"));

        HttpApi.Answer suspended = api.post("/api/v1/consultant/pool/" + number + "/claim", "{}",
                HttpApi.basic(volunteer));
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.text("detail")).contains("已暂停");
        assertThat(api.post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic("dispatcher"))
                .status()).isEqualTo(403);
        HttpApi.Answer record = api.get("/api/v1/admin/consultants", HttpApi.basic("admin"));
        assertThat(record.body().toString()).contains("SUSPENDED", "答复质量投诉较多");
    }

    @Test
    void replayingTheClosingEventManyTimesAndConcurrentlyCreditsOnce() throws Exception {
        String[] asked = ask("借钱给朋友没有借条，怎么要回来？").split(" ");
        String number = asked[0];
        api.post("/api/v1/consultant/pool/" + number + "/answer", HttpApi.json(Map.of(
                "text", "没有借条也可以用转账记录、聊天记录、证人证言等证明借贷关系，建议尽快收集证据并催告还款。")),
                HttpApi.basic("consultant"));
        api.post("/api/v1/tickets/" + number + "/accept-answer", "{}", "X-Tracking-Token", asked[1]);
        relay.relayPending();
        int lines = lines(number);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> replays = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                replays.add(pool.submit(() -> {
                    go.await();
                    return ledger.finalizeTicket(number);
                }));
            }
            go.countDown();
            for (Future<Integer> replay : replays) {
                assertThat(replay.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines(number)).isEqualTo(lines).isEqualTo(3);
    }

    @Test
    void aRejectedReviewTakesThePointsBack() {
        String[] asked = ask("交通事故对方全责，误工费怎么算？").split(" ");
        String number = asked[0];
        long answerId = api.post("/api/v1/consultant/pool/" + number + "/answer", HttpApi.json(Map.of(
                "text", "误工费根据受害人的误工时间和收入状况确定，有固定收入的按实际减少的收入计算。")),
                HttpApi.basic("consultant")).body().path("id").asLong();
        api.post("/api/v1/tickets/" + number + "/accept-answer", "{}", "X-Tracking-Token", asked[1]);
        relay.relayPending();
        assertThat(points(number)).isPositive();

        assertThat(api.post("/api/v1/staff/answers/" + answerId + "/flag", HttpApi.json(Map.of("reason", "引用依据不准确")),
                HttpApi.basic("dispatcher")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/staff/answers/" + answerId + "/review",
                HttpApi.json(Map.of("upheld", false, "reason", "答复内容有误")), HttpApi.basic("dispatcher")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/staff/answers/" + answerId + "/review",
                HttpApi.json(Map.of("upheld", false, "reason", "答复内容有误")), HttpApi.basic("admin")).status())
                .isEqualTo(200);

        assertThat(points(number)).isZero();
        HttpApi.Answer notAsAnFaq = api.post("/api/v1/kb/articles/from-ticket/" + number, "{}",
                HttpApi.basic("consultant"));
        assertThat(notAsAnFaq.status()).isEqualTo(409);
        assertThat(notAsAnFaq.text("detail")).contains("复核未通过");
    }

    @Test
    void aQuestionAnsweredAt23HoursStaysWhileOneUnansweredAt24HoursIsHandedOver() {
        String answeredLate = ask("被公司辞退没有补偿，可以要多少？").split(" ")[0];
        String unanswered = ask("加班不给加班费怎么办？").split(" ")[0];
        Instant asked = Instant.now();

        ClockUtil.setCurrentTime(Date.from(asked.plus(Duration.ofHours(23))));
        assertThat(dueTimers(answeredLate)).isZero();
        api.post("/api/v1/consultant/pool/" + answeredLate + "/answer", HttpApi.json(Map.of(
                "text", "用人单位违法解除劳动合同的，应按经济补偿标准的二倍支付赔偿金，每满一年支付两个月工资。")),
                HttpApi.basic("consultant"));
        relay.relayPending();

        // Checked just before the deadline, when the job executor has nothing to take from under us.
        ClockUtil.setCurrentTime(Date.from(asked.plus(Duration.ofHours(24)).minusSeconds(5)));
        assertThat(dueTimers(unanswered)).isZero();
        assertThat(timers(unanswered)).isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(asked.plus(Duration.ofHours(24)).plusSeconds(5)));
        assertThat(dueTimers(answeredLate)).isZero();
        runDueTimers();

        assertThat(unit(unanswered)).isEqualTo("GD-4401-OUTSOURCED");
        assertThat(unit(answeredLate)).isEqualTo("GD-4401-12348");
    }

    /**
     * Fires the due timers. The context's job executor sees them too once the clock moved: a timer it
     * took first fails our attempt with an optimistic-locking error while it runs it, or with "no job
     * found" once it has finished it; either way we wait for it to finish and assert its outcome.
     */
    private void runDueTimers() {
        for (Job job : management.createJobQuery().executable().timers().list()) {
            try {
                management.executeJob(job.getId());
            } catch (ProcessEngineException takenByTheJobExecutor) {
                // asserted below through its outcome
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (management.createJobQuery().executable().timers().count() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private long dueTimers(String number) {
        return management.createJobQuery().processInstanceId(process(number)).executable().timers().count();
    }

    private long timers(String number) {
        return management.createJobQuery().processInstanceId(process(number)).timers().count();
    }

    private String process(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    private String unit(String number) {
        return jdbc.queryForObject("select handling_unit from ticket where number = ?", String.class, number);
    }

    private long balance(String consultant) {
        return api.get("/api/v1/consultant/me", HttpApi.basic(consultant)).body().path("points").asLong();
    }

    private int lines(String number) {
        return jdbc.queryForObject("select count(*) from points_entry where ticket_number = ?", Integer.class, number);
    }

    private int points(String number) {
        return jdbc.queryForObject("select coalesce(sum(points), 0) from points_entry where ticket_number = ?",
                Integer.class, number);
    }
}
