package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's queue over HTTP on PostgreSQL (issue 19): server-side sort with keyset paging and a
 * total, deadline states, search (number in any case, words, the citizen's phone through its blind index
 * for those who may see it), assignment and "my tickets". A handler never reaches another unit's
 * tickets through any of them. Each test marks its tickets with words of its own and searches by them,
 * so tickets of other tests never mix in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // an answer window other than the default 24 hours: the queue must count down to the configured one
        properties = {"law12348.demo.accounts=true", "law12348.workflow.answer-window=PT30H"})
@ActiveProfiles("postgres")
class PostgresStaffQueueTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "law12348_queue");
    }

    @LocalServerPort
    int port;
    @Autowired
    TicketIntake intake;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        if (!accounts.existsById("handler-sz")) {
            accounts.save(new StaffAccount("handler-sz", passwords.encode("demo12348"), "深圳市法律援助中心承办人",
                    StaffRole.UNIT_HANDLER, "GD-4403-LEGAL-AID"));
        }
    }

    /**
     * Words only this test's tickets hold. Letters, no digits: a digit run would be a probe of masked
     * numbers, which the search refuses to dispatchers.
     */
    private static String marker(String prefix) {
        StringBuilder letters = new StringBuilder(prefix);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private String ticket(String marker, String businessType, String region) {
        return intake.receive(IntakeRequest.fromWeb(UUID.randomUUID().toString(), businessType, region,
                "关于" + marker + "的问题，公司拖欠工资三个月，想申请法律援助。")).ticketNumber();
    }

    private String phoneTicket(String marker, String phone) {
        return intake.receive(IntakeRequest.fromCall(UUID.randomUUID().toString(), "LEGAL_AID", "440106",
                "关于" + marker + "的问题，来电咨询劳动争议，回电" + hyphenated(phone), phone)).ticketNumber();
    }

    private static String hyphenated(String phone) {
        return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
    }

    private HttpApi.Answer list(String user, String query) {
        return api.get("/api/v1/staff/tickets?" + query, HttpApi.basic(user));
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> numbers(HttpApi.Answer page) {
        return page.body().path("items").findValuesAsText("number");
    }

    @Test
    void everyColumnSortsOnTheServerAndPagesInThatOrderWithoutGapsOrRepeats() {
        String marker = marker("排序");
        String[][] made = {{"LEGAL_AID", "440106"}, {"LEGAL_AID", "440305"}, {"LEGAL_AID", "440106"},
                {"NOTARIZATION", "440106"}, {"LEGAL_AID", "440305"}, {"MEDIATION", "440104"}, {"LEGAL_AID", "440106"}};
        for (String[] m : made) {
            ticket(marker, m[0], m[1]);
        }
        Map<String, String> fieldOf = Map.of("dueAt", "dueAt", "createdAt", "createdAt", "number", "number",
                "status", "status", "businessType", "businessType", "channel", "channel", "region", "regionCode",
                "handlingUnit", "handlingUnit");
        for (Map.Entry<String, String> column : fieldOf.entrySet()) {
            for (String direction : List.of("asc", "desc")) {
                String query = q(marker) + "&regionCode=440000&sort=" + column.getKey() + "&direction=" + direction;
                HttpApi.Answer whole = list("dispatcher", query + "&limit=200");
                assertThat(whole.status()).isEqualTo(200);
                assertThat(whole.body().path("total").asLong()).isEqualTo(made.length);
                // the test database's collation is C, so codes sort as Java sorts them
                List<Comparable<?>> values = whole.body().path("items").findValuesAsText(column.getValue()).stream()
                        .map(v -> column.getKey().endsWith("At") ? (Comparable<?>) Instant.parse(v) : v).toList();
                @SuppressWarnings({"unchecked", "rawtypes"})
                Comparator<Comparable<?>> order = direction.equals("asc") ? (Comparator) Comparator.naturalOrder()
                        : (Comparator) Comparator.reverseOrder();
                assertThat(values).as("%s %s", column.getKey(), direction).isSortedAccordingTo(order);
                List<String> paged = new ArrayList<>();
                String cursor = null;
                do {
                    HttpApi.Answer page = list("dispatcher", query + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor));
                    assertThat(page.status()).isEqualTo(200);
                    assertThat(page.body().path("total").asLong()).isEqualTo(made.length);
                    paged.addAll(numbers(page));
                    cursor = page.body().path("nextCursor").asText(null);
                } while (cursor != null);
                assertThat(paged).as("pages of %s %s", column.getKey(), direction).isEqualTo(numbers(whole));
            }
        }
        HttpApi.Answer byNumber = list("dispatcher", q(marker) + "&sort=number&limit=2");
        HttpApi.Answer carriedOver = list("dispatcher", q(marker) + "&sort=createdAt&limit=2&cursor="
                + byNumber.text("nextCursor"));
        assertThat(carriedOver.status()).isEqualTo(400);
        assertThat(carriedOver.text("field")).isEqualTo("cursor");
        assertThat(list("dispatcher", "sort=subject").text("field")).isEqualTo("sort");
        assertThat(list("dispatcher", "direction=up").text("field")).isEqualTo("direction");
    }

    /**
     * Issue 22: the nearest legal deadline still ahead sorts on the server in both directions, tickets
     * without one last either way, and keyset pages of two follow the whole list without gaps or repeats
     * (a tie of two deadlines, a passed deadline beside one ahead, two tickets without any).
     */
    @Test
    void theNearestLegalDeadlineSortsBothWaysWithTicketsWithoutOneLast() {
        String marker = marker("期限");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String appeal = ticket(marker, "LEGAL_AID", "440106");
        String sameAppeal = ticket(marker, "LEGAL_AID", "440106");
        String arbitration = ticket(marker, "LEGAL_AID", "440106");
        String passedAndAhead = ticket(marker, "LEGAL_AID", "440106");
        ticket(marker, "LEGAL_AID", "440106");
        String passedOnly = ticket(marker, "LEGAL_AID", "440106");
        addClock(appeal, "APPEAL_JUDGMENT", today.minusDays(3));
        addClock(sameAppeal, "APPEAL_JUDGMENT", today.minusDays(3));
        addClock(arbitration, "LABOUR_ARBITRATION", today.minusMonths(9));
        addClock(passedAndAhead, "APPEAL_JUDGMENT", today.minusYears(1));
        addClock(passedAndAhead, "ADMIN_RECONSIDERATION", today.minusDays(10));
        addClock(passedOnly, "APPEAL_RULING", today.minusYears(1));

        for (String direction : List.of("asc", "desc")) {
            String query = q(marker) + "&sort=legalDeadline&direction=" + direction;
            HttpApi.Answer whole = list("dispatcher", query + "&limit=200");
            assertThat(whole.status()).isEqualTo(200);
            List<String> deadlines = new ArrayList<>();
            whole.body().path("items").forEach(item -> deadlines.add(item.path("legalDeadline").asText("")));
            assertThat(deadlines).hasSize(6);
            assertThat(deadlines.subList(4, 6)).as("no deadline ahead: last, %s", direction).containsOnly("");
            List<String> dated = deadlines.subList(0, 4);
            assertThat(dated).doesNotContain("");
            assertThat(dated).as("by deadline %s", direction).isSortedAccordingTo(direction.equals("asc")
                    ? Comparator.<String>naturalOrder() : Comparator.<String>reverseOrder());
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                HttpApi.Answer page = list("dispatcher", query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).isEqualTo(200);
                paged.addAll(numbers(page));
                cursor = page.body().path("nextCursor").asText(null);
            } while (cursor != null);
            assertThat(paged).as("pages by deadline %s", direction).isEqualTo(numbers(whole));
        }
        List<String> ascending = numbers(list("dispatcher", q(marker) + "&sort=legalDeadline&limit=200"));
        assertThat(ascending.subList(0, 2)).containsExactlyInAnyOrder(appeal, sameAppeal);
        assertThat(ascending.subList(2, 4)).containsExactly(passedAndAhead, arbitration);
    }

    private void addClock(String number, String type, LocalDate trigger) {
        assertThat(api.post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", type, "triggerDate", trigger.toString())), HttpApi.basic("admin")).status())
                .isEqualTo(201);
    }

    @Test
    void rowsNameTheirCodesAndCountDownToTheConfiguredHandOverOnlyInThePool() {
        String marker = marker("名称");
        String pool = ticket(marker, "LEGAL_CONSULTATION", "440106");
        String unit = ticket(marker, "LEGAL_AID", "440106");

        HttpApi.Answer page = list("dispatcher", q(marker));
        assertThat(page.status()).isEqualTo(200);
        JsonNode question = row(page, pool);
        assertThat(question.path("kindName").asText()).isEqualTo("法律咨询");
        assertThat(question.path("channelName").asText()).isEqualTo("网上服务大厅");
        assertThat(question.path("queueName").asText()).isEqualTo("志愿者咨询池");
        assertThat(question.path("handlingUnitName").asText()).isEqualTo(unitName(question.path("handlingUnit").asText()));
        assertThat(Instant.parse(question.path("handOverAt").asText()))
                .isEqualTo(Instant.parse(question.path("createdAt").asText()).plus(java.time.Duration.ofHours(30)));

        // the ticket page counts down to the same instant
        HttpApi.Answer view = api.get("/api/v1/staff/tickets/" + pool, HttpApi.basic("dispatcher"));
        assertThat(view.body().path("staff").path("handOverAt").asText()).isEqualTo(question.path("handOverAt").asText());
        // and so does the consultants' pool, which no longer assumes 24 hours in the browser
        JsonNode inPool = null;
        for (JsonNode item : api.get("/api/v1/consultant/pool", HttpApi.basic("consultant")).body()) {
            inPool = item.path("number").asText().equals(pool) ? item : inPool;
        }
        assertThat(inPool).as("the question is in the consultant's pool").isNotNull();
        assertThat(inPool.path("handOverAt").asText()).isEqualTo(question.path("handOverAt").asText());

        JsonNode matter = row(page, unit);
        assertThat(matter.path("kindName").asText()).isEqualTo("服务申请");
        assertThat(matter.path("queueName").asText()).isEqualTo("承办单位");
        assertThat(matter.path("handlingUnitName").asText()).isEqualTo(unitName("GD-4401-LEGAL-AID"));
        assertThat(matter.has("handOverAt")).as("a unit's ticket is never handed over").isFalse();

        // handed over already: nothing more to count down to
        jdbc.update("update ticket set handed_over = true where number = ?", pool);
        assertThat(row(list("dispatcher", q(marker)), pool).has("handOverAt")).isFalse();
    }

    private static JsonNode row(HttpApi.Answer page, String number) {
        for (JsonNode item : page.body().path("items")) {
            if (number.equals(item.path("number").asText())) {
                return item;
            }
        }
        throw new AssertionError(number + " is not in the page");
    }

    private String unitName(String code) {
        return jdbc.queryForObject("select name from handling_unit where code = ?", String.class, code);
    }

    @Test
    void theDeadlineStatesFilterTheListAndUnknownOnesAreRefused() {
        String marker = marker("时限");
        String late = ticket(marker, "LEGAL_AID", "440106");
        String onTime = ticket(marker, "LEGAL_AID", "440106");
        jdbc.update("update ticket set due_at = now() - interval '1 hour' where number = ?", late);

        HttpApi.Answer overdue = list("dispatcher", q(marker) + "&deadline=OVERDUE");
        assertThat(numbers(overdue)).containsExactly(late);
        assertThat(overdue.body().path("total").asLong()).isEqualTo(1);
        assertThat(numbers(list("handler-gz", q(marker) + "&deadline=OVERDUE"))).containsExactly(late);
        assertThat(numbers(list("handler-sz", q(marker) + "&deadline=OVERDUE"))).isEmpty();
        assertThat(numbers(list("dispatcher", q(marker) + "&deadline=HANDED_OVER"))).isEmpty();
        assertThat(numbers(list("dispatcher", q(marker)))).containsExactlyInAnyOrder(late, onTime);
        HttpApi.Answer unknown = list("dispatcher", "deadline=LATE");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("deadline");
    }

    @Test
    void searchFindsNumbersInAnyCaseWordsAndPhonesOnlyForThoseWhoMaySeeThem() {
        String marker = marker("搜索");
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        String called = phoneTicket(marker, phone);
        String written = ticket(marker, "LEGAL_AID", "440106");
        String shenzhen = ticket(marker, "LEGAL_AID", "440305");

        assertThat(numbers(list("dispatcher", q(written.toLowerCase())))).containsExactly(written);
        assertThat(numbers(list("dispatcher", q(marker)))).containsExactlyInAnyOrder(called, written, shenzhen);
        assertThat(numbers(list("handler-gz", q(marker)))).containsExactlyInAnyOrder(called, written);
        assertThat(numbers(list("handler-sz", q(written.toLowerCase())))).as("another unit's ticket").isEmpty();
        assertThat(numbers(list("handler-sz", q(marker)))).containsExactly(shenzhen);

        assertThat(numbers(list("admin", q(phone)))).containsExactly(called);
        assertThat(numbers(list("handler-gz", q(phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                + phone.substring(7))))).containsExactly(called);
        assertThat(numbers(list("handler-sz", q(phone)))).isEmpty();
        assertThat(numbers(list("dispatcher", q(phone)))).as("dispatchers see numbers masked").isEmpty();
        assertThat(numbers(list("admin", q(hyphenated(phone))))).containsExactly(called);
        assertThat(numbers(list("dispatcher", q(hyphenated(phone))))).as("no probing the masked text").isEmpty();
        HttpApi.Answer audited = list("admin", q(phone));
        assertThat(audited.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'admin' and action = "
                + "'TICKET_LIST_VIEWED' and detail like ?", Integer.class, "%" + phone + "%"))
                .as("the phone is masked in the audit detail").isZero();

        assertThat(numbers(list("dispatcher", q("%")))).as("wildcards are literal").isEmpty();
        HttpApi.Answer tooLong = list("dispatcher", q("长".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("field")).isEqualTo("q");
    }

    @Test
    void aTicketIsAssignedInsideItsUnitAndShowsInMyTickets() {
        String marker = marker("指派");
        String number = ticket(marker, "LEGAL_AID", "440106");
        String path = "/api/v1/staff/tickets/" + number + "/assignee";

        HttpApi.Answer unitMembers = api.get("/api/v1/staff/members", HttpApi.basic("handler-gz"));
        assertThat(unitMembers.body().findValuesAsText("username")).contains("handler-gz")
                .doesNotContain("handler-sz", "dispatcher");
        assertThat(api.get("/api/v1/staff/members?unit=GD-4403-LEGAL-AID", HttpApi.basic("handler-gz")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/staff/members", HttpApi.basic("dispatcher")).body().findValuesAsText("username"))
                .contains("handler-gz", "handler-sz", "dispatcher", "admin").doesNotContain("consultant");

        HttpApi.Answer outsider = api.post(path, HttpApi.json(Map.of("username", "handler-sz")),
                HttpApi.basic("dispatcher"));
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.text("field")).isEqualTo("username");
        assertThat(outsider.text("code")).isEqualTo("assignee.notInUnit");
        assertThat(api.post(path, HttpApi.json(Map.of("username", "me")), HttpApi.basic("handler-sz")).status())
                .as("another unit's ticket is not found").isEqualTo(404);

        HttpApi.Answer mine = api.post(path, HttpApi.json(Map.of("username", "me")), HttpApi.basic("handler-gz"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("staff").path("assignee").asText()).isEqualTo("handler-gz");
        JsonNode last = mine.body().path("timeline").get(mine.body().path("timeline").size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("ASSIGNED");
        assertThat(last.path("text").asText()).isEqualTo("指派给广州市法律援助中心承办人");
        assertThat(numbers(list("handler-gz", q(marker) + "&assignee=me"))).containsExactly(number);
        assertThat(numbers(list("dispatcher", q(marker) + "&assignee=me"))).isEmpty();

        HttpApi.Answer unassigned = api.post(path, "{\"username\":null}", HttpApi.basic("dispatcher"));
        assertThat(unassigned.status()).isEqualTo(200);
        assertThat(unassigned.body().path("staff").path("assignee").asText(null)).isNull();
        assertThat(numbers(list("handler-gz", q(marker) + "&assignee=me"))).isEmpty();
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'TICKET_ASSIGNED' and "
                + "ticket_number = ? order by id", String.class, number)).containsExactly("指派给handler-gz", "取消指派");
    }

    @Test
    void savedViewsBelongToTheirOwnerAlone() {
        String name = "超时" + UUID.randomUUID().toString().substring(0, 6);
        String body = HttpApi.json(Map.of("name", name, "filters", Map.of("regionCode", "440100",
                "deadline", "OVERDUE", "sort", "createdAt")));
        HttpApi.Answer created = api.post("/api/v1/staff/views", body, HttpApi.basic("dispatcher"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.body().path("filters").path("deadline").asText()).isEqualTo("OVERDUE");

        HttpApi.Answer twice = api.post("/api/v1/staff/views", body, HttpApi.basic("dispatcher"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("code")).isEqualTo("view.nameTaken");
        assertThat(api.post("/api/v1/staff/views", body, HttpApi.basic("admin")).status())
                .as("names are unique per person").isEqualTo(201);
        assertThat(api.get("/api/v1/staff/views", HttpApi.basic("dispatcher")).body().findValuesAsText("name"))
                .contains(name);
        assertThat(api.get("/api/v1/staff/views", HttpApi.basic("handler-gz")).body().findValuesAsText("name"))
                .doesNotContain(name);
        String path = "/api/v1/staff/views/" + id;
        String renamed = HttpApi.json(Map.of("name", name + "改", "filters", Map.of()));
        assertThat(api.request("PUT", path, "application/json", renamed.getBytes(StandardCharsets.UTF_8),
                HttpApi.basic("handler-gz")).status()).isEqualTo(404);
        assertThat(api.request("DELETE", path, "application/json", new byte[0], HttpApi.basic("admin")).status())
                .isEqualTo(404);
        HttpApi.Answer updated = api.request("PUT", path, "application/json",
                renamed.getBytes(StandardCharsets.UTF_8), HttpApi.basic("dispatcher"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo(name + "改");

        HttpApi.Answer longName = api.post("/api/v1/staff/views", HttpApi.json(Map.of("name", "名".repeat(41),
                "filters", Map.of())), HttpApi.basic("dispatcher"));
        assertThat(longName.text("field")).isEqualTo("name");
        HttpApi.Answer unknownKey = api.post("/api/v1/staff/views", HttpApi.json(Map.of("name", "x",
                "filters", Map.of("password", "1"))), HttpApi.basic("dispatcher"));
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.text("field")).isEqualTo("filters");
        assertThat(api.post("/api/v1/staff/views", body, HttpApi.basic("consultant")).status()).isEqualTo(403);

        assertThat(api.request("DELETE", path, "application/json", new byte[0], HttpApi.basic("dispatcher")).status())
                .isEqualTo(204);
        assertThat(api.request("DELETE", path, "application/json", new byte[0], HttpApi.basic("dispatcher")).status())
                .isEqualTo(404);
    }

    @Test
    void bulkActionsDecideEachTicketOnItsOwnAndAuditEachOne() {
        String marker = marker("批量");
        String first = ticket(marker, "LEGAL_AID", "440106");
        String second = ticket(marker, "LEGAL_AID", "440106");
        String shenzhen = ticket(marker, "LEGAL_AID", "440305");
        assertThat(api.post("/api/v1/staff/tickets/" + second + "/close", "{}", HttpApi.basic("dispatcher"))
                .status()).isEqualTo(200);

        HttpApi.Answer moved = api.post("/api/v1/staff/tickets/bulk", HttpApi.json(Map.of("numbers",
                List.of(first.toLowerCase(), second, "GD20990101-999999"), "action", "REASSIGN",
                "unitCode", "GD-4403-LEGAL-AID", "reason", "当事人在深圳工作")), HttpApi.basic("dispatcher"));
        assertThat(moved.status()).isEqualTo(200);
        JsonNode results = moved.body().path("results");
        assertThat(results.findValuesAsText("number")).containsExactly(first, second, "GD20990101-999999");
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("ok").asBoolean()).isFalse();
        assertThat(results.get(1).path("problem").path("code").asText()).isEqualTo("ticket.stateConflict");
        assertThat(results.get(1).path("problem").path("detail").asText()).contains("已办结");
        assertThat(results.get(2).path("problem").path("code").asText()).isEqualTo("ticket.notFound");
        assertThat(jdbc.queryForObject("select handling_unit from ticket where number = ?", String.class, first))
                .isEqualTo("GD-4403-LEGAL-AID");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'TICKET_REASSIGNED' "
                + "and ticket_number = ?", Integer.class, first)).isEqualTo(1);

        HttpApi.Answer closed = api.post("/api/v1/staff/tickets/bulk", HttpApi.json(Map.of("numbers",
                List.of(shenzhen, first), "action", "CLOSE")), HttpApi.basic("handler-gz"));
        assertThat(closed.body().path("results").findValuesAsText("ok")).containsExactly("false", "false");
        assertThat(closed.body().path("results").get(0).path("problem").path("status").asInt()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select status from ticket where number = ?", String.class, shenzhen))
                .as("a handler cannot close another unit's ticket in bulk").isEqualTo("ROUTED");

        HttpApi.Answer handlerMoves = api.post("/api/v1/staff/tickets/bulk", HttpApi.json(Map.of("numbers",
                List.of(shenzhen), "action", "REASSIGN", "unitCode", "GD-4401-LEGAL-AID", "reason", "转回")),
                HttpApi.basic("handler-sz"));
        assertThat(handlerMoves.status()).isEqualTo(403);
        List<String> tooMany = java.util.stream.IntStream.range(0, 201).mapToObj(i -> first).toList();
        HttpApi.Answer overLimit = api.post("/api/v1/staff/tickets/bulk", HttpApi.json(Map.of("numbers", tooMany,
                "action", "CLOSE")), HttpApi.basic("dispatcher"));
        assertThat(overLimit.status()).isEqualTo(400);
        assertThat(overLimit.text("field")).isEqualTo("numbers");
        assertThat(api.post("/api/v1/staff/tickets/bulk", HttpApi.json(Map.of("numbers", List.of(first))),
                HttpApi.basic("dispatcher")).text("field")).isEqualTo("action");
        HttpApi.Answer shenzhenCloses = api.post("/api/v1/staff/tickets/bulk", HttpApi.json(Map.of("numbers",
                List.of(shenzhen, first), "action", "CLOSE", "reason", "已电话答复")), HttpApi.basic("handler-sz"));
        assertThat(shenzhenCloses.body().path("results").findValuesAsText("ok")).containsExactly("true", "true");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'TICKET_CLOSED' "
                + "and ticket_number in (?, ?)", Integer.class, shenzhen, first)).isEqualTo(2);
    }
}
