package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.retention.RetentionParticipant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' audit log (the JSON API the workspace's 审计日志 page reads) and the retention run on the embedded default's database (H2), where
 * the batch query's SKIP LOCKED and the audit inserts must work as they do on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1", "law12348.ticketing.retention.cron=-"})
class H2AuditPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void theAuditLogListsWhoReadATicketAndFiltersByTicketWithThePhoneMasked() {
        String number = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠我三个月工资，我想申请法律援助。",
                "contactPhone", "13700137000"))).text("number");
        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).status()).isEqualTo(200);

        HttpApi.Answer log = api.get("/api/v1/admin/audit?ticket=" + number.toLowerCase(), HttpApi.basic("admin"));

        assertThat(log.status()).isEqualTo(200);
        JsonNode items = log.body().path("items");
        assertThat(items).isNotEmpty().allSatisfy(e -> assertThat(e.path("ticketNumber").asText()).isEqualTo(number));
        assertThat(items).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("TICKET_VIEWED");
            assertThat(e.path("actor").asText()).isEqualTo("dispatcher");
            assertThat(e.path("actorRole").asText()).isEqualTo("DISPATCHER");
        });
        assertThat(log.raw().body()).contains("137****7000").doesNotContain("13700137000");
    }

    @Test
    void theAuditLogSaysInChineseWhichFilterIsWrong() {
        HttpApi.Answer refused = api.get("/api/v1/admin/audit?from=not-a-date", HttpApi.basic("admin"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("from");
        assertThat(refused.text("detail")).contains("时间格式应为");
    }

    @Test
    void onlyAdministratorsReadTheAuditLog() {
        assertThat(api.get("/api/v1/admin/audit", HttpApi.basic("dispatcher")).status()).isEqualTo(403);
        assertThat(api.get("/admin/audit", HttpApi.basic("admin")).status()).as("the old page is gone").isEqualTo(404);
    }

    @Test
    void retentionRunsOnTheEmbeddedDatabaseAndIsRecordedWithWhatEachParticipantDid() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String writeKey = "insert into citizen_write_key (ticket_number, key_hash, request_hash, created_at) values (?, ?, ?, ?)";
        jdbc.update(writeKey, "GD20261201-000001", "old-key", "request", now.minusDays(3));
        jdbc.update(writeKey, "GD20261201-000001", "fresh-key", "request", now.minusHours(1));

        HttpApi.Answer run = api.post("/api/v1/admin/retention/runs", "{}", HttpApi.basic("admin"));

        assertThat(run.status()).isEqualTo(201);
        assertThat(run.body().path("tickets").asInt()).isZero();
        JsonNode participants = run.body().path("participants");
        assertThat(participants).hasSize(7);
        assertThat(participant(participants, "consultation.unboundLicenceDocuments").path("failed").asBoolean()).isFalse();
        assertThat(participant(participants, "ticketing.citizenWriteKeys").path("deleted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("select key_hash from citizen_write_key", String.class)).containsExactly("fresh-key");
        assertThat(participant(participants, "miniapp.smsSignInCodes").path("failed").asBoolean()).isFalse();
        JsonNode accounts = participant(participants, "miniapp.unusedAccounts");
        assertThat(accounts.path("description").asText()).isEqualTo("长期未登录的小程序账户");
        assertThat(accounts.path("deleted").asInt()).isZero();
        assertThat(accounts.path("failed").asBoolean()).isFalse();
        assertThat(participant(participants, "telephony.callsWithoutTicket").path("failed").asBoolean()).isFalse();
        assertThat(participant(participants, "test.broken").path("failed").asBoolean()).as("recorded, not thrown").isTrue();
        assertThat(participant(participants, "ticketing.attachmentOrphans").path("failed").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/admin/retention/runs", HttpApi.basic("admin")).body().path("items").get(0)
                .path("participants")).isEqualTo(participants);
        JsonNode audited = api.get("/api/v1/admin/audit?action=RETENTION_RUN", HttpApi.basic("admin")).body()
                .path("items").get(0);
        assertThat(audited.path("actor").asText()).isEqualTo("admin");
        assertThat(audited.path("detail").asText()).contains("长期未登录的小程序账户：删除0")
                .contains("测试用的故障清理：执行失败");
    }

    private static JsonNode participant(JsonNode participants, String name) {
        for (JsonNode p : participants) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no participant " + name + " in " + participants);
    }

    /** A participant that always fails: the run goes on with the others and still records itself. */
    @TestConfiguration
    static class BrokenParticipant {
        @Bean
        RetentionParticipant broken() {
            return new RetentionParticipant() {
                @Override
                public String name() {
                    return "test.broken";
                }

                @Override
                public String description() {
                    return "测试用的故障清理";
                }

                @Override
                public int deleteDue(String actor) {
                    throw new IllegalStateException("planted failure");
                }
            };
        }
    }
}
