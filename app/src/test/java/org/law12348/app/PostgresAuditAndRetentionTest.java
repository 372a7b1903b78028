package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.testsupport.PostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail, retention and citizens' data rights on PostgreSQL over real HTTP: who read what is
 * recorded and cannot be rewritten, old closed tickets lose their personal data exactly once, and
 * export and erasure reach exactly one citizen's tickets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "law12348.demo.accounts=true", "law12348.ticketing.retention.cron=-",
        "law12348.ticketing.retention.batch-size=2"})
@ActiveProfiles("postgres")
class PostgresAuditAndRetentionTest {

    private static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    private static final Path RECORDINGS = temporaryDirectory();
    private static final AtomicInteger PHONES = new AtomicInteger();

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "law12348_it");
        registry.add("law12348.telephony.recording-dir", RECORDINGS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    MutableClock clock;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void staffReadOfATicketRecordsWhoWhatWhenAndWhere() {
        String phone = freshPhone();
        String number = submit(phone).text("number");

        HttpApi.Answer read = api.get("/api/v1/staff/tickets/" + number, with(HttpApi.basic("dispatcher"),
                "User-Agent", "AuditProbe/1.0"));

        assertThat(read.status()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where ticket_number = ? and action = ?",
                number, "TICKET_VIEWED");
        assertThat(row.get("actor")).isEqualTo("dispatcher");
        assertThat(row.get("actor_role")).isEqualTo("DISPATCHER");
        assertThat(row.get("citizen")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat((String) row.get("detail")).contains("联系人姓名、电话");
        assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
        assertThat(row.get("user_agent")).isEqualTo("AuditProbe/1.0");
        assertThat(((Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(clock.instant());

        HttpApi.Answer found = api.get("/api/v1/admin/audit?action=TICKET_VIEWED&ticket=" + number,
                HttpApi.basic("admin"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("items")).hasSize(1);
        assertThat(found.body().path("items").get(0).path("actor").asText()).isEqualTo("dispatcher");
    }

    @Test
    void theStaffTicketListRecordsTheQueryAndAChangeRecordsTheActor() {
        String number = submit(freshPhone()).text("number");
        int before = count("select count(*) from audit_entry where action = 'TICKET_LIST_VIEWED' and actor = 'admin'");

        String phone = freshPhone();
        assertThat(api.get("/api/v1/staff/tickets?status=ROUTED&regionCode=440106&q=" + phone + "&limit=5",
                HttpApi.basic("admin")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/staff/tickets/" + number + "/notes", "{\"text\":\"已电话联系\"}",
                HttpApi.basic("dispatcher")).status()).isEqualTo(200);

        assertThat(count("select count(*) from audit_entry where action = 'TICKET_LIST_VIEWED' and actor = 'admin'"))
                .isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'TICKET_LIST_VIEWED' "
                + "and actor = 'admin' order by id desc limit 1", String.class))
                // the audit page shows this text to administrators: names, not codes; the searched number masked
                .contains("地区 广东省广州市天河区", "状态 待受理", "本页 0 件")
                .doesNotContain(phone, "ROUTED", "440106", "=");
        assertThat(count("select count(*) from audit_entry where action = 'NOTE_ADDED' and ticket_number = '"
                + number + "' and actor = 'dispatcher'")).isEqualTo(1);
    }

    @Test
    void theAuditTableRefusesUpdateDeleteAndTruncateOnPostgres() {
        submitAndRead();

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone-else'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(count("select count(*) from audit_entry where actor = 'someone-else'")).isZero();
    }

    @Test
    void aReadWhoseAuditRowCannotBeWrittenFailsWithoutHandingOutData() {
        String phone = freshPhone();
        String number = submit(phone).text("number");
        jdbc.execute("create or replace function audit_entry_refuse_insert() returns trigger as $$ begin "
                + "raise exception 'audit storage down'; end $$ language plpgsql");
        jdbc.execute("create trigger audit_entry_down before insert on audit_entry for each row "
                + "execute function audit_entry_refuse_insert()");
        HttpApi.Answer read;
        try {
            read = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher"));
        } finally {
            jdbc.execute("drop trigger audit_entry_down on audit_entry");
        }

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.text("code")).isEqualTo("audit.unavailable");
        assertThat(read.raw().body()).doesNotContain("公司拖欠").doesNotContain(phone);
    }

    @Test
    void retentionAnonymisesOnlyClosedTicketsPastTheCutoffAndDoesItOnce() throws IOException {
        String oldPhone = freshPhone();
        String oldClosed = submit(oldPhone).text("number");
        close(oldClosed);
        Path recording = Files.writeString(RECORDINGS.resolve("hotline-" + oldClosed + ".wav"), "RIFF");
        jdbc.update("insert into call_record (id, version, call_id, caller_phone_enc, caller_phone_hash, outcome, "
                        + "started_at, recording_file, ticket_number) "
                        + "values (nextval('call_record_seq'), 0, ?, ?, ?, 'MESSAGE_LEFT', ?, ?, ?)",
                "call-" + oldClosed, cipher.encrypt(oldPhone), cipher.blindIndex(oldPhone),
                Timestamp.from(clock.instant()), recording.toString(), oldClosed);
        String oldOpen = submit(freshPhone()).text("number");
        clock.advance(Duration.ofDays(2 * 365));
        String recentClosed = submit(freshPhone()).text("number");
        close(recentClosed);
        clock.advance(Duration.ofDays(365 + 2));

        HttpApi.Answer run = api.post("/api/v1/admin/retention/runs", "{}", HttpApi.basic("admin"));

        assertThat(run.status()).isEqualTo(201);
        assertThat(run.body().path("tickets").asInt()).isGreaterThanOrEqualTo(1);
        Map<String, Object> anonymised = ticketRow(oldClosed);
        assertThat(anonymised.get("contact_phone_enc")).isNull();
        assertThat(anonymised.get("contact_phone_hash")).isNull();
        assertThat(anonymised.get("text")).isEqualTo("（已按保存期限匿名化）");
        assertThat(anonymised.get("anonymised_at")).isNotNull();
        assertThat(anonymised.get("region_code")).isEqualTo("440106");
        assertThat(jdbc.queryForList("select e.text from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.text is not null", String.class, oldClosed))
                .isNotEmpty().allMatch("（已按保存期限匿名化）"::equals);
        assertThat(ticketRow(oldOpen).get("contact_phone_enc")).isNotNull();
        assertThat(ticketRow(recentClosed).get("contact_phone_enc")).isNotNull();
        assertThat(Files.exists(recording)).isFalse();
        assertThat(jdbc.queryForMap("select caller_phone_enc, caller_phone_hash, recording_file from call_record "
                + "where ticket_number = ?", oldClosed)).containsEntry("caller_phone_enc", null)
                .containsEntry("caller_phone_hash", null).containsEntry("recording_file", null);
        assertThat(count("select count(*) from audit_entry where action = 'TICKET_ANONYMISED' and ticket_number = '"
                + oldClosed + "' and actor = 'admin'")).isEqualTo(1);

        HttpApi.Answer again = api.post("/api/v1/admin/retention/runs", "{}", HttpApi.basic("admin"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("tickets").asInt()).isZero();
        assertThat(count("select count(*) from audit_entry where action = 'TICKET_ANONYMISED' and ticket_number = '"
                + oldClosed + "'")).isEqualTo(1);
        assertThat(count("select count(*) from retention_run")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoNodesRunningRetentionAtOnceAnonymiseEachTicketOnce() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String number = submit(freshPhone()).text("number");
            close(number);
            due.add(number);
        }
        clock.advance(Duration.ofDays(3 * 365 + 2));
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<HttpApi.Answer> run = () -> new HttpApi(port)
                    .post("/api/v1/admin/retention/runs", "{}", HttpApi.basic("admin"));
            var first = nodes.submit(run);
            var second = nodes.submit(run);

            assertThat(first.get().status()).isEqualTo(201);
            assertThat(second.get().status()).isEqualTo(201);
            assertThat(first.get().body().path("tickets").asInt() + second.get().body().path("tickets").asInt())
                    .isGreaterThanOrEqualTo(due.size());
        } finally {
            nodes.shutdownNow();
        }
        for (String number : due) {
            assertThat(ticketRow(number).get("anonymised_at")).isNotNull();
            assertThat(count("select count(*) from audit_entry where action = 'TICKET_ANONYMISED' and ticket_number = '"
                    + number + "'")).isEqualTo(1);
        }
    }

    @Test
    void staffExportReturnsExactlyThatCitizensTicketsAndIsAudited() {
        String phone = freshPhone();
        String first = submit(phone).text("number");
        String second = submit(phone).text("number");
        String someoneElse = submit(freshPhone()).text("number");

        HttpApi.Answer export = api.get("/api/v1/admin/citizen-data/export?phone=" + phone, HttpApi.basic("admin"));

        assertThat(export.status()).isEqualTo(200);
        assertThat(numbers(export.body().path("tickets"))).containsExactlyInAnyOrder(first, second)
                .doesNotContain(someoneElse);
        assertThat(export.body().path("tickets").get(0).path("contact").path("phone").asText()).isEqualTo(phone);
        assertThat(count("select count(*) from audit_entry where action = 'CITIZEN_DATA_EXPORTED' and actor = 'admin' "
                + "and detail like '%" + first + "%'")).isEqualTo(1);

        HttpApi.Answer byTicket = api.get("/api/v1/admin/citizen-data/export?ticket=" + second,
                HttpApi.basic("admin"));
        assertThat(numbers(byTicket.body().path("tickets"))).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void dataEndpointsAnswerProblemsForBadInputAndRefuseOtherRoles() {
        HttpApi.Answer dispatcher = api.get("/api/v1/admin/citizen-data/export?phone=13800138000",
                HttpApi.basic("dispatcher"));
        assertThat(dispatcher.status()).isEqualTo(403);
        assertThat(dispatcher.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));

        HttpApi.Answer badPhone = api.get("/api/v1/admin/citizen-data/export?phone=12345", HttpApi.basic("admin"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text("field")).isEqualTo("phone");
        HttpApi.Answer both = api.post("/api/v1/admin/citizen-data/erasure",
                "{\"ticketNumber\":\"GD20260302-000001\",\"phone\":\"13800138000\",\"reason\":\"市民申请\"}",
                HttpApi.basic("admin"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text("code")).isEqualTo("target.oneRequired");
        HttpApi.Answer noReason = api.post("/api/v1/admin/citizen-data/erasure", "{\"phone\":\"13800138000\"}",
                HttpApi.basic("admin"));
        assertThat(noReason.text("field")).isEqualTo("reason");
        assertThat(api.get("/api/v1/admin/audit?action=NOPE", HttpApi.basic("admin")).text("field"))
                .isEqualTo("action");
        assertThat(api.get("/api/v1/admin/audit?cursor=%21%21", HttpApi.basic("admin")).text("field"))
                .isEqualTo("cursor");
        assertThat(api.get("/api/v1/admin/audit?from=yesterday", HttpApi.basic("admin")).text("field"))
                .isEqualTo("from");
        assertThat(api.get("/api/v1/admin/audit?limit=0", HttpApi.basic("admin")).text("field")).isEqualTo("limit");
        assertThat(api.get("/api/v1/admin/audit", HttpApi.basic("dispatcher")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/retention/runs", "{}", HttpApi.basic("handler-gz")).status())
                .isEqualTo(403);
    }

    @Test
    void auditSearchPagesNewestFirstWithoutRepeats() {
        for (int i = 0; i < 3; i++) {
            submitAndRead();
        }

        JsonNode first = api.get("/api/v1/admin/audit?action=TICKET_VIEWED&limit=2", HttpApi.basic("admin")).body();
        String cursor = first.path("nextCursor").asText();
        JsonNode second = api.get("/api/v1/admin/audit?action=TICKET_VIEWED&limit=2&cursor=" + cursor,
                HttpApi.basic("admin")).body();

        assertThat(first.path("items")).hasSize(2);
        long lastOfFirst = first.path("items").get(1).path("id").asLong();
        assertThat(first.path("items").get(0).path("id").asLong()).isGreaterThan(lastOfFirst);
        assertThat(second.path("items").get(0).path("id").asLong()).isLessThan(lastOfFirst);
        // the search is itself audited, in the words of the audit page
        assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'AUDIT_SEARCHED' "
                + "order by id desc limit 1", String.class)).matches("筛选：操作 查看工单详情；本页 \\d+ 条");
    }

    @Test
    void aCitizenExportsTheirOwnTicketAndRequestsErasureWhichAnAdministratorCarriesOut() {
        String phone = freshPhone();
        HttpApi.Answer created = submit(phone);
        String number = created.text("number");
        String token = created.text("trackingToken");
        String closedOne = submit(phone).text("number");
        close(closedOne);
        String bystander = submit(freshPhone()).text("number");

        HttpApi.Answer own = api.get("/api/v1/tickets/" + number + "/personal-data", "X-Tracking-Token", token);
        assertThat(own.status()).isEqualTo(200);
        assertThat(numbers(own.body().path("tickets"))).containsExactly(number);
        assertThat(api.get("/api/v1/tickets/" + number + "/personal-data", "X-Tracking-Token", "wrong").status())
                .isEqualTo(404);
        HttpApi.Answer requested = api.post("/api/v1/tickets/" + number + "/erasure-requests",
                "{\"note\":\"请删除我的信息\"}", "X-Tracking-Token", token);
        assertThat(requested.status()).isEqualTo(202);
        assertThat(count("select count(*) from audit_entry where action = 'CITIZEN_ERASURE_REQUESTED' "
                + "and ticket_number = '" + number + "' and actor_role = 'CITIZEN'")).isEqualTo(1);

        HttpApi.Answer erased = api.post("/api/v1/admin/citizen-data/erasure",
                HttpApi.json(Map.of("ticketNumber", number, "reason", "市民来电核实身份后申请删除")),
                HttpApi.basic("admin"));

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body().path("anonymised").asInt()).isEqualTo(2);
        assertThat(erased.body().path("closed").asInt()).isEqualTo(1);
        for (String mine : List.of(number, closedOne)) {
            Map<String, Object> row = ticketRow(mine);
            assertThat(row.get("contact_phone_enc")).isNull();
            assertThat(row.get("status")).isEqualTo("CLOSED");
            assertThat(row.get("text")).isEqualTo("（已应市民要求删除个人信息）");
            assertThat(count("select count(*) from audit_entry where action = 'TICKET_ANONYMISED' and actor = 'admin' "
                    + "and ticket_number = '" + mine + "'")).isEqualTo(1);
        }
        assertThat(ticketRow(bystander).get("contact_phone_enc")).isNotNull();
        assertThat(count("select count(*) from audit_entry where action = 'CITIZEN_DATA_ERASED' "
                + "and ticket_number = '" + number + "'")).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/citizen-data/export?phone=" + phone, HttpApi.basic("admin"))
                .body().path("tickets")).isEmpty();
    }

    private HttpApi.Answer submit(String phone) {
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠我三个月工资，我想申请法律援助。", "contactPhone", phone)));
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private void submitAndRead() {
        String number = submit(freshPhone()).text("number");
        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).status()).isEqualTo(200);
    }

    private void close(String number) {
        assertThat(api.post("/api/v1/staff/tickets/" + number + "/close", "{\"reason\":\"已答复\"}",
                HttpApi.basic("dispatcher")).status()).isEqualTo(200);
    }

    private Map<String, Object> ticketRow(String number) {
        return jdbc.queryForMap("select * from ticket where number = ?", number);
    }

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }

    private static List<String> numbers(JsonNode tickets) {
        List<String> numbers = new ArrayList<>();
        tickets.forEach(t -> numbers.add(t.path("number").asText()));
        return numbers;
    }

    private static String freshPhone() {
        return "1391234" + String.format("%04d", PHONES.incrementAndGet() + (int) (Math.random() * 5000));
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("law12348-recordings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
