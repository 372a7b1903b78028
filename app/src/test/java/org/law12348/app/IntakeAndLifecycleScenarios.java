package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.internal.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's behaviour over real HTTP with the real engine, run once on H2 and once on
 * PostgreSQL by the subclasses.
 */
@Import(PlantedDeliveryFailures.class)
abstract class IntakeAndLifecycleScenarios {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    TicketIntake intake;
    @Autowired
    org.springframework.core.env.Environment environment;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    HttpApi.Answer submit(String businessType, String region, String text, String... headers) {
        return api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", businessType, "regionCode", region,
                "text", text, "contactPhone", "13800138000")), headers);
    }

    ProcessInstance processOf(String number) {
        relay.relayPending();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    List<String> timelineTypes(String number, String token) {
        JsonNode ticket = api.get("/api/v1/tickets/" + number, "X-Tracking-Token", token).body();
        List<String> types = new ArrayList<>();
        ticket.path("timeline").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void aLegalClockKeepsItsEventsAndItsDueDateInTheDatabase() {
        HttpApi.Answer created = submit("LEGAL_AID", "440106", "公司2026年1月10日把我辞退了，还能申请劳动仲裁吗？");
        String clocks = "/api/v1/staff/tickets/" + created.text("number") + "/clocks";
        String id = api.post(clocks, HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-01-10")),
                HttpApi.basic("admin")).text("id");

        api.post(clocks + "/" + id + "/events", HttpApi.json(Map.of("kind", "SUSPENSION", "date", "2026-05-01")),
                HttpApi.basic("admin"));
        assertThat(jdbc.queryForObject("select due_date from legal_clock where id = ?", java.time.LocalDate.class,
                Long.valueOf(id))).isNull();
        HttpApi.Answer resumed = api.post(clocks + "/" + id + "/events",
                HttpApi.json(Map.of("kind", "RESUMPTION", "date", "2026-05-31")), HttpApi.basic("admin"));

        // 10 January 2027 plus the 30 days suspended is 9 February 2027
        assertThat(resumed.body().path("dueDate").asText()).isEqualTo("2027-02-09");
        assertThat(resumed.body().path("events").findValuesAsText("kind")).containsExactly("SUSPENSION", "RESUMPTION");
        assertThat(jdbc.queryForObject("select due_date from legal_clock where id = ?", java.time.LocalDate.class,
                Long.valueOf(id))).isEqualTo(java.time.LocalDate.of(2027, 2, 9));
        assertThat(api.get("/api/v1/tickets/" + created.text("number") + "/clocks", "X-Tracking-Token",
                created.text("trackingToken")).body().path("clocks").get(0).path("dueDate").asText()).isEqualTo("2027-02-09");
    }

    @Test
    void legalAidForAGuangzhouDistrictGoesToGuangzhouLegalAidCentre() {
        HttpApi.Answer created = submit("LEGAL_AID", "440106", "公司拖欠我三个月工资，我想申请法律援助。");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("handlingUnit")).isEqualTo("GD-4401-LEGAL-AID");
        assertThat(created.text("handlingUnitName")).isEqualTo("广州市法律援助中心");
        assertThat(created.text("queue")).isEqualTo("UNIT");
        String number = created.text("number");
        assertThat(number).matches("GD\\d{8}-\\d{6,}");
        assertThat(timelineTypes(number, created.text("trackingToken"))).containsExactly("CREATED", "ROUTED");

        ProcessInstance process = processOf(number);
        assertThat(process).isNotNull();
        assertThat(runtime.getActiveActivityIds(process.getId())).contains("Wait_Accepted");
    }

    @Test
    void personalNumbersAreStoredEncryptedAndOnlyTheAssignedUnitAndAdminsSeeThemInFull() {
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠我三个月工资，我想申请法律援助。", "contactPhone", phone,
                "contactIdNumber", "11010519491231002x")));
        assertThat(created.status()).isEqualTo(201);
        String number = created.text("number");

        Map<String, Object> row = jdbc.queryForMap("select * from ticket where number = ?", number);
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v))
                .doesNotContain(phone).doesNotContain("11010519491231002X"));
        assertThat(cipher.decrypt((String) row.get("contact_phone_enc"))).isEqualTo(phone);
        assertThat(cipher.decrypt((String) row.get("contact_id_number_enc"))).isEqualTo("11010519491231002X");
        assertThat(row.get("contact_phone_hash")).isEqualTo(cipher.blindIndex(phone));
        assertThat(row.get("contact_id_number_hash")).isEqualTo(cipher.blindIndex("11010519491231002X"));

        JsonNode asDispatcher = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).body();
        assertThat(asDispatcher.path("staff").path("contactPhone").asText())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(asDispatcher.path("staff").path("contactIdNumber").asText()).isEqualTo("110***********002X");
        JsonNode asHandler = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("handler-gz")).body();
        assertThat(asHandler.path("staff").path("contactPhone").asText()).isEqualTo(phone);
        assertThat(asHandler.path("staff").path("contactIdNumber").asText()).isEqualTo("11010519491231002X");
        JsonNode asAdmin = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("admin")).body();
        assertThat(asAdmin.path("staff").path("contactPhone").asText()).isEqualTo(phone);
        JsonNode asCitizen = api.get("/api/v1/tickets/" + number, "X-Tracking-Token", created.text("trackingToken")).body();
        assertThat(asCitizen.toString()).doesNotContain(phone).doesNotContain("002X");
    }

    /**
     * Issue 17, item 9: mobile and identity numbers typed into the question were shown in clear to
     * dispatchers and consultants, who see the contact fields masked.
     */
    @Test
    void numbersTypedIntoTheQuestionAreMaskedForStaffWhoSeeTheContactMasked() {
        String text = "公司欠薪三个月，我的电话138 0013 8000，身份证号11010519491231002X，请帮我申请法律援助。";
        String number = submit("LEGAL_AID", "440106", text).text("number");
        String masked = "公司欠薪三个月，我的电话138****8000，身份证号110***********002X，请帮我申请法律援助。";

        JsonNode asDispatcher = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).body();
        assertThat(asDispatcher.path("text").asText()).isEqualTo(masked);
        assertThat(asDispatcher.toString()).doesNotContain("0013 8000", "11010519491231002X");
        assertThat(api.get("/api/v1/staff/tickets?regionCode=440106", HttpApi.basic("dispatcher")).raw().body())
                .doesNotContain("0013 8000", "11010519491231002X");
        for (String full : List.of("handler-gz", "admin")) {
            assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic(full)).body().path("text").asText())
                    .isEqualTo(text);
        }

        String question = submit("LEGAL_CONSULTATION", "440106", "劳动仲裁怎么申请？我的手机号是13800138000。")
                .text("number");
        JsonNode pool = api.get("/api/v1/consultant/pool", HttpApi.basic("consultant")).body();
        assertThat(pool.findValuesAsText("number")).contains(question);
        assertThat(pool.toString()).contains("138****8000").doesNotContain("13800138000");
    }

    /**
     * Issue 17, item 9: the API documentation and Swagger UI were public under the postgres
     * (production) profile too. They stay public in the embedded default, for trying the product.
     */
    @Test
    void theApiDocumentationIsForAdministratorsInProductionAndForAnyoneInTheEmbeddedDefault() {
        boolean production = environment.matchesProfiles("postgres");
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html")) {
            HttpApi.Answer anonymous = api.get(path);
            int dispatcher = api.get(path, HttpApi.basic("dispatcher")).status();
            if (production) {
                assertThat(anonymous.status()).as(path).isIn(302, 401);
                assertThat(anonymous.raw().headers().firstValue("Location").orElse("/login")).contains("/login");
                assertThat(dispatcher).as(path).isEqualTo(403);
            } else {
                assertThat(anonymous.status()).as(path).isEqualTo(200);
                assertThat(dispatcher).as(path).isEqualTo(200);
            }
            assertThat(api.get(path, HttpApi.basic("admin")).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/v3/api-docs", HttpApi.basic("admin")).raw().body()).contains("openapi");
    }

    @Test
    void aWebConsultationLandsInTheVolunteerPool() {
        HttpApi.Answer created = submit("LEGAL_CONSULTATION", "440305", "离婚后孩子的抚养费应该怎么计算？");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("queue")).isEqualTo("VOLUNTEER_POOL");
        assertThat(created.text("handlingUnit")).isEqualTo("GD-4403-12348");
        ProcessInstance process = processOf(created.text("number"));
        assertThat(runtime.getActiveActivityIds(process.getId())).contains("Wait_PoolAnswer");
    }

    @Test
    void aRegionOutsideTheProvinceFallsBackToTheProvincialCentre() {
        HttpApi.Answer created = submit("MEDIATION", "110105", "邻居装修噪音扰民，希望人民调解。");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("handlingUnit")).isEqualTo("GD-4400-CENTER");
        assertThat(created.text("handlingUnitName")).isEqualTo("广东省12348公共法律服务中心");
    }

    @Test
    void aRetriedSubmissionReturnsTheTicketAlreadyCreated() {
        String key = "retry-" + UUID.randomUUID();
        HttpApi.Answer first = submit("NOTARIZATION", "440104", "需要办理出生公证，请问需要什么材料？", "Idempotency-Key", key);
        HttpApi.Answer retry = submit("NOTARIZATION", "440104", "需要办理出生公证，请问需要什么材料？", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.text("number")).isEqualTo(first.text("number"));
        assertThat(retry.text("trackingToken")).isEqualTo(first.text("trackingToken"));
        assertThat(jdbc.queryForObject("select count(*) from ticket where channel_ref = ?", Integer.class,
                intake.referenceOf(Channel.WEB, key))).isEqualTo(1);
    }

    /**
     * Issue 17, item 2: replaying an Idempotency-Key with any body answered the first request's ticket
     * number and tracking token (and with the token, the citizen's data export); staff saw the key as
     * the ticket's channel reference.
     */
    @Test
    void anIdempotencyKeyReplayedWithAnotherRequestIsRefusedAndRevealsNothingOfTheFirstTicket() {
        String key = "replay-" + UUID.randomUUID();
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        Map<String, String> citizens = Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "公司拖欠我三个月工资，我想申请法律援助。", "contactName", "李四", "contactPhone", phone);
        HttpApi.Answer first = api.post("/api/v1/tickets", HttpApi.json(citizens), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);

        HttpApi.Answer otherBody = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440305", "text", "我只是想看看这个编号能拿到什么。")), "Idempotency-Key", key);
        Map<String, String> otherPhone = new java.util.HashMap<>(citizens);
        otherPhone.put("contactPhone", "13700137000");
        HttpApi.Answer sameTextOtherCaller = api.post("/api/v1/tickets", HttpApi.json(otherPhone), "Idempotency-Key", key);

        for (HttpApi.Answer refused : List.of(otherBody, sameTextOtherCaller)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.text("code")).isEqualTo("idempotencyKey.reused");
            assertThat(refused.text("field")).isEqualTo("Idempotency-Key");
            assertThat(refused.raw().body()).doesNotContain(first.text("number"))
                    .doesNotContain(first.text("trackingToken")).doesNotContain(first.text("handlingUnit"));
            assertThat(refused.raw().headers().firstValue("Location")).isEmpty();
        }
        HttpApi.Answer retry = api.post("/api/v1/tickets", HttpApi.json(citizens), "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("number")).isEqualTo(first.text("number"));
        assertThat(retry.text("trackingToken")).isEqualTo(first.text("trackingToken"));

        // the key is kept nowhere in clear, and staff never see it
        assertThat(jdbc.queryForMap("select * from ticket where number = ?", first.text("number")).values())
                .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(key));
        assertThat(jdbc.queryForList("select * from intake_submission")).allSatisfy(row ->
                assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(key)));
        for (String staff : List.of("admin", "dispatcher", "handler-gz")) {
            HttpApi.Answer view = api.get("/api/v1/tickets/" + first.text("number"), HttpApi.basic(staff));
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.raw().body()).doesNotContain(key);
            assertThat(view.body().path("staff").has("channelRef")).isFalse();
        }
    }

    /**
     * Issue 17, item 7: a retried submission made Hibernate log the refused insert at ERROR with the
     * statement it failed in, the contact name and the key among its values. Retries, races and
     * replays are expected: at most INFO, and no personal data or key in any line.
     */
    @Test
    void retriesRacesAndReplaysOfASubmissionLogNothingAboveInfoAndNoPersonalData() throws Exception {
        String key = "quiet-" + UUID.randomUUID();
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        String body = HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "单位拖欠工资半年，我想申请法律援助。", "contactName", "赵日志", "contactPhone", phone,
                "contactIdNumber", "11010519491231002X"));
        try (CapturedLog log = CapturedLog.ofRequests()) {
            assertThat(api.post("/api/v1/tickets", body, "Idempotency-Key", key).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/tickets", body, "Idempotency-Key", key).status()).isEqualTo(200);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            String raced = "quiet-race-" + UUID.randomUUID();
            try {
                List<Callable<Integer>> clients = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    clients.add(() -> api.post("/api/v1/tickets", body, "Idempotency-Key", raced).status());
                }
                for (Future<Integer> status : pool.invokeAll(clients)) {
                    assertThat(status.get()).isIn(200, 201);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                    "regionCode", "440106", "text", "另一份内容，用同一个键。")), "Idempotency-Key", key).status())
                    .isEqualTo(422);

            assertThat(log.events()).isNotEmpty();
            assertThat(log.atLeast(ch.qos.logback.classic.Level.WARN)).isEmpty();
            assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain("赵日志", phone,
                    "11010519491231002X", key, raced));
        }
    }

    @Test
    void concurrentRetriesCreateExactlyOneTicket() throws Exception {
        String key = "race-" + UUID.randomUUID();
        int clients = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpApi.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<HttpApi.Answer> call = () -> {
                    go.await();
                    return submit("COMPLAINT", "440303", "对某律师事务所的服务态度进行投诉。", "Idempotency-Key", key);
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            Set<String> numbers = answers.stream().map(f -> {
                try {
                    HttpApi.Answer a = f.get();
                    assertThat(a.status()).isIn(200, 201);
                    return a.text("number");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from ticket where channel_ref = ?", Integer.class,
                intake.referenceOf(Channel.WEB, key))).isEqualTo(1);
    }

    @Test
    void anEventWhoseDeliveryFailsHoldsBackOnlyItselfAndIsDeliveredOnceItCanBe() {
        relay.stop(); // the events wait in the outbox until this test delivers them together
        List<String> numbers = new ArrayList<>();
        try {
            for (String text : List.of("单位拖欠工资两个月怎么办？", "离婚后孩子抚养费怎么算？", "交通事故对方不赔偿怎么办？")) {
                numbers.add(submit("LEGAL_CONSULTATION", "440106", text).text("number"));
            }
            PlantedDeliveryFailures.FAILING.add(numbers.get(1));
            relay.relayPending();

            assertThat(processCount(numbers.get(0))).isOne();
            assertThat(processCount(numbers.get(1))).isZero();
            assertThat(processCount(numbers.get(2))).isOne();
            Map<String, Object> failed = jdbc.queryForMap("select processed_at, attempts, last_error from outbox_event "
                    + "where ticket_number = ? and event_type = 'TicketCreated'", numbers.get(1));
            assertThat(failed.get("processed_at")).isNull();
            assertThat(((Number) failed.get("attempts")).intValue()).isOne();
            assertThat((String) failed.get("last_error")).contains("planted delivery failure");

            PlantedDeliveryFailures.FAILING.remove(numbers.get(1));
            relay.relayPending();
            for (String number : numbers) {
                assertThat(processCount(number)).as(number).isOne();
            }
        } finally {
            PlantedDeliveryFailures.FAILING.removeAll(numbers);
            relay.start();
        }
    }

    @Test
    void eventsWaitingTogetherAreDeliveredInOneTransaction() {
        relay.stop(); // the events wait in the outbox until this test delivers them together
        List<String> numbers = new ArrayList<>();
        try {
            for (String text : List.of("公司不签劳动合同怎么办？", "房东不退押金怎么办？", "网购商品是假货怎么维权？")) {
                numbers.add(submit("LEGAL_CONSULTATION", "440106", text).text("number"));
            }
            relay.relayPending();

            for (String number : numbers) {
                assertThat(processCount(number)).as(number).isOne();
            }
            // one claim statement stamped them all: they were delivered in one transaction
            assertThat(jdbc.queryForObject("select count(distinct processed_at) from outbox_event "
                    + "where ticket_number in (?, ?, ?)", Integer.class, numbers.toArray())).isOne();
        } finally {
            relay.start();
        }
    }

    private long processCount(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count();
    }

    @Test
    void aUnitHandlerAcceptsAndAnswersAndTheDispatcherCloses() {
        HttpApi.Answer created = submit("LEGAL_AID", "440103", "工伤后单位不给赔偿，申请法律援助。");
        String number = created.text("number");
        ProcessInstance process = processOf(number);

        HttpApi.Answer accepted = api.post("/api/v1/staff/tickets/" + number + "/accept", "{}",
                HttpApi.basic("handler-gz"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("IN_PROGRESS");
        HttpApi.Answer answered = api.post("/api/v1/staff/tickets/" + number + "/answer",
                HttpApi.json(Map.of("text", "经审查，您符合法律援助条件，请携带身份证到中心办理。")), HttpApi.basic("handler-gz"));
        assertThat(answered.status()).isEqualTo(200);
        relay.relayPending();
        assertThat(runtime.getActiveActivityIds(process.getId())).contains("Gateway_AfterAnswer");

        HttpApi.Answer closed = api.post("/api/v1/staff/tickets/" + number + "/close",
                HttpApi.json(Map.of("reason", "已答复并办结")), HttpApi.basic("dispatcher"));
        assertThat(closed.status()).isEqualTo(200);
        relay.relayPending();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(timelineTypes(number, created.text("trackingToken")))
                .containsExactly("CREATED", "ROUTED", "ACCEPTED", "ANSWERED", "CLOSED");
    }

    @Test
    void theCitizenFollowsUpThenAcceptsAndRatesTheAnswer() {
        HttpApi.Answer created = submit("LEGAL_AID", "440106", "申请法律援助需要准备哪些材料？");
        String number = created.text("number");
        String[] citizen = {"X-Tracking-Token", created.text("trackingToken")};
        ProcessInstance process = processOf(number);
        api.post("/api/v1/staff/tickets/" + number + "/answer",
                HttpApi.json(Map.of("text", "请携带身份证、经济困难证明和案件材料。")), HttpApi.basic("handler-gz"));

        HttpApi.Answer followUp = api.post("/api/v1/tickets/" + number + "/follow-ups",
                HttpApi.json(Map.of("text", "经济困难证明去哪里开？")), citizen);
        assertThat(followUp.status()).isEqualTo(200);
        assertThat(followUp.text("status")).isEqualTo("IN_PROGRESS");
        relay.relayPending();
        assertThat(runtime.getActiveActivityIds(process.getId())).contains("Wait_FollowUpAnswer");

        api.post("/api/v1/staff/tickets/" + number + "/answer",
                HttpApi.json(Map.of("text", "可以到户籍所在地的街道办事处开具。")), HttpApi.basic("handler-gz"));
        assertThat(api.post("/api/v1/tickets/" + number + "/rating",
                HttpApi.json(Map.of("score", 9)), citizen).text("field")).isEqualTo("score");
        assertThat(api.post("/api/v1/tickets/" + number + "/rating",
                HttpApi.json(Map.of("score", 5, "comment", "答复很及时")), citizen).status()).isEqualTo(200);
        HttpApi.Answer accepted = api.post("/api/v1/tickets/" + number + "/accept-answer", "{}", citizen);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("CLOSED");
        assertThat(accepted.body().path("satisfaction").asInt()).isEqualTo(5);
        HttpApi.Answer ratedAgain = api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 1)),
                citizen);
        assertThat(ratedAgain.status()).as("a citizen rates once").isEqualTo(409);
        assertThat(ratedAgain.text("code")).isEqualTo("rating.alreadyGiven");
        assertThat(ratedAgain.text("field")).isEqualTo("score");
        assertThat(api.get("/api/v1/tickets/" + number, citizen).body().path("satisfaction").asInt()).isEqualTo(5);

        assertThat(api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 1)),
                "X-Tracking-Token", "someone-else").status()).isEqualTo(404);
        relay.relayPending();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
    }

    /** Issue 21, API-NEEDED §7: a retry after a lost answer must not file a follow-up or a rating twice. */
    @Test
    void aCitizensRetriedWritesOnTheWebAreDoneOnceAndAKeyServesOneRequest() throws Exception {
        HttpApi.Answer created = submit("LEGAL_AID", "440106", "申请法律援助要去哪里办？");
        String number = created.text("number");
        String token = created.text("trackingToken");
        api.post("/api/v1/staff/tickets/" + number + "/answer",
                HttpApi.json(Map.of("text", "到区法律援助中心办理。")), HttpApi.basic("handler-gz"));
        String followUp = HttpApi.json(Map.of("text", "周六开门吗？"));
        String followUpKey = "follow-up-" + UUID.randomUUID();

        List<HttpApi.Answer> tries = concurrently(4, () -> api.post("/api/v1/tickets/" + number + "/follow-ups",
                followUp, "X-Tracking-Token", token, "Idempotency-Key", followUpKey));
        assertThat(tries).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(tries).extracting(a -> a.raw().headers().firstValue("Idempotent-Replayed").orElseThrow())
                .containsOnlyOnce("false");
        assertThat(timelineTypes(number, token)).containsOnlyOnce("FOLLOW_UP");

        HttpApi.Answer otherText = api.post("/api/v1/tickets/" + number + "/follow-ups",
                HttpApi.json(Map.of("text", "周日呢？")), "X-Tracking-Token", token, "Idempotency-Key", followUpKey);
        assertThat(otherText.status()).isEqualTo(422);
        assertThat(otherText.text("field")).isEqualTo("Idempotency-Key");
        HttpApi.Answer otherWrite = api.post("/api/v1/tickets/" + number + "/accept-answer", "{}",
                "X-Tracking-Token", token, "Idempotency-Key", followUpKey);
        assertThat(otherWrite.status()).isEqualTo(422);
        assertThat(api.post("/api/v1/tickets/" + number + "/accept-answer", "{}", "X-Tracking-Token", token,
                "Idempotency-Key", "has space").text("field")).isEqualTo("Idempotency-Key");
        assertThat(timelineTypes(number, token)).containsOnlyOnce("FOLLOW_UP");

        api.post("/api/v1/staff/tickets/" + number + "/answer",
                HttpApi.json(Map.of("text", "周六上午开门。")), HttpApi.basic("handler-gz"));
        String ratingKey = "rating-" + UUID.randomUUID();
        String rating = HttpApi.json(Map.of("score", 4, "comment", "清楚"));
        assertThat(api.post("/api/v1/tickets/" + number + "/rating", rating, "X-Tracking-Token", token,
                "Idempotency-Key", ratingKey).status()).isEqualTo(200);
        HttpApi.Answer ratingRetried = api.post("/api/v1/tickets/" + number + "/rating", rating,
                "X-Tracking-Token", token, "Idempotency-Key", ratingKey);
        assertThat(ratingRetried.status()).as("a retry answers as the first rating did").isEqualTo(200);
        assertThat(ratingRetried.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(api.post("/api/v1/tickets/" + number + "/rating", rating, "X-Tracking-Token", token,
                "Idempotency-Key", "rating-again-" + UUID.randomUUID()).text("code")).isEqualTo("rating.alreadyGiven");

        String acceptKey = "accept-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpApi.Answer accepted = api.post("/api/v1/tickets/" + number + "/accept-answer", "{}",
                    "X-Tracking-Token", token, "Idempotency-Key", acceptKey);
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.text("status")).isEqualTo("CLOSED");
        }
        assertThat(jdbc.queryForObject("select count(*) from citizen_write_key where ticket_number = ?",
                Integer.class, number)).as("one key per write, none of them stored as sent").isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from citizen_write_key where key_hash in (?, ?, ?)",
                Integer.class, followUpKey, ratingKey, acceptKey)).isZero();
    }

    private static <T> List<T> concurrently(int clients, Callable<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUnitHandlerCannotSeeOrTouchAnotherUnitsTicket() {
        String number = submit("LEGAL_AID", "440304", "深圳的法律援助申请，材料已准备好。").text("number");

        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("handler-gz")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + number, HttpApi.basic("handler-gz")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/staff/tickets/" + number + "/accept", "{}", HttpApi.basic("handler-gz"))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).status()).isEqualTo(200);
    }

    @Test
    void theDeadlineTimerEscalatesALateTicketToDispatchers() {
        HttpApi.Answer created = submit("LEGAL_AID", "440106", "申请法律援助后一直没有人联系我。");
        String number = created.text("number");
        ProcessInstance process = processOf(number);

        Job deadline = management.createJobQuery().processInstanceId(process.getId()).activityId("Timer_Deadline")
                .singleResult();
        management.executeJob(deadline.getId());

        JsonNode ticket = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).body();
        assertThat(ticket.path("staff").path("escalated").asBoolean()).isTrue();
        assertThat(timelineTypes(number, created.text("trackingToken"))).contains("ESCALATED");
    }

    @Test
    void aQuestionNobodyAnswersIn24HoursGoesToTheCitysOutsourcedUnit() {
        HttpApi.Answer created = submit("LEGAL_CONSULTATION", "440106", "租房押金房东不退，我该怎么办？");
        String number = created.text("number");
        ProcessInstance process = processOf(number);

        Job unanswered = management.createJobQuery().processInstanceId(process.getId())
                .activityId("Timer_Unanswered24h").singleResult();
        management.executeJob(unanswered.getId());

        JsonNode ticket = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).body();
        assertThat(ticket.path("handlingUnit").asText()).isEqualTo("GD-4401-OUTSOURCED");
        assertThat(ticket.path("queue").asText()).isEqualTo("UNIT");
        assertThat(ticket.path("staff").path("handedOver").asBoolean()).isTrue();
        assertThat(runtime.getActiveActivityIds(process.getId())).contains("Wait_UnitAnswer");
    }
}
