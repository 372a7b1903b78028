package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.personaldata.privacy.PrivacyProperties;
import org.law12348.testsupport.PostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing deployment upgrades: a PostgreSQL database migrated with the schema as it was before
 * encryption (V1_1–V1_4, V2_1, V3_1, V4_1, V5_1–V5_3) holds clear phone numbers and openids; the
 * application starts on it, its Java migrations encrypt every value, the clear columns are gone,
 * and the hotline still finds the caller's ticket by number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"law12348.demo.accounts=true", "law12348.privacy.keys.old=" + PersonalDataMigrationTest.OLD_KEY})
@ActiveProfiles("postgres")
class PersonalDataMigrationTest {

    /** A key retired by a rotation: still configured, no longer active. */
    static final String OLD_KEY = "b2xkLWtleS1yZXRpcmVkLWJ5LWEtcm90YXRpb24tMDE=";

    private static final Set<String> BEFORE_ENCRYPTION = Set.of("V1_1", "V1_2", "V1_3", "V1_4", "V2_1", "V3_1",
            "V4_1", "V5_1", "V5_2", "V5_3");

    @DynamicPropertySource
    static void databaseWithClearTextData(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("law12348_privacy");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, PostgresDatabase.USER, "");
        Flyway.configure().dataSource(ds).locations("filesystem:" + oldMigrations()).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                insert into ticket (id, version, number, kind, channel, channel_ref, contact_name, contact_phone,
                    wechat_openid, region_code, business_type, subject, text, status, handling_unit, routing_queue,
                    created_at, due_at)
                values (900001, 0, 'GD20251101-900001', 'SERVICE_REQUEST', 'WECHAT', 'old-1', '张三', '13700137000',
                    'o6_oldCitizen12345678', '440106', 'LEGAL_AID', '旧工单', '升级前的工单内容', 'ROUTED',
                    'GD-4401-LEGAL-AID', 'UNIT', now(), now() + interval '3 days')""");
        jdbc.update("""
                insert into call_record (id, call_id, caller_phone, outcome, started_at)
                values (900001, 'old-call-1', '13700137000', 'ANSWERED', now())""");
        jdbc.update("""
                insert into callback_task (id, ticket_number, phone, agent_extension, reason, status, due_at,
                    requested_by, created_at)
                values (900001, 'GD20251101-900001', '13700137000', '8001', 'STAFF_REQUEST', 'PENDING', now(),
                    'dispatcher', now())""");
        jdbc.update("""
                insert into miniapp_citizen (id, wechat_openid, phone, created_at, signed_in_at)
                values (900001, 'o6_oldCitizen12345678', '13700137000', now(), now())""");
        PostgresDatabase.use(registry, url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void upgradingEncryptsTheClearValuesDropsTheirColumnsAndLookupsStillWork() {
        Map<String, Object> ticket = jdbc.queryForMap("select * from ticket where id = 900001");
        assertThat(ticket).doesNotContainKeys("contact_phone", "wechat_openid", "alipay_user_id");
        assertThat(cipher.decrypt((String) ticket.get("contact_phone_enc"))).isEqualTo("13700137000");
        assertThat(ticket.get("contact_phone_hash")).isEqualTo(cipher.blindIndex("13700137000"));
        assertThat(cipher.decrypt((String) ticket.get("wechat_openid_enc"))).isEqualTo("o6_oldCitizen12345678");
        assertThat(ticket.get("alipay_user_id_enc")).isNull();

        Map<String, Object> call = jdbc.queryForMap("select * from call_record where id = 900001");
        assertThat(call).doesNotContainKey("caller_phone");
        assertThat(cipher.decrypt((String) call.get("caller_phone_enc"))).isEqualTo("13700137000");
        Map<String, Object> callback = jdbc.queryForMap("select * from callback_task where id = 900001");
        assertThat(callback).doesNotContainKey("phone");
        assertThat(cipher.decrypt((String) callback.get("phone_enc"))).isEqualTo("13700137000");
        Map<String, Object> citizen = jdbc.queryForMap("select * from miniapp_citizen where id = 900001");
        assertThat(citizen).doesNotContainKeys("wechat_openid", "phone");
        assertThat(citizen.get("wechat_openid_hash")).isEqualTo(cipher.blindIndex("o6_oldCitizen12345678"));

        JsonNode history = new HttpApi(port).get("/api/v1/staff/callers/13700137000/history",
                HttpApi.basic("dispatcher")).body();
        assertThat(history.path("openTickets").get(0).path("number").asText()).isEqualTo("GD20251101-900001");
        assertThat(history.path("calls").get(0).path("callId").asText()).isEqualTo("old-call-1");
        assertThat(history.path("calls").get(0).path("callerPhone").asText()).isEqualTo("137****7000");
    }

    @Test
    void anAdministratorMovesValuesStillUnderARetiredKeyOntoTheActiveOne() {
        PersonalDataCipher retired = new PersonalDataCipher(new PrivacyProperties(Map.of("old", OLD_KEY), "old",
                "WDaClLUkjm1TQaT3rjcpddkPCnpa8nWYecDlIlK2m1c=", false));
        jdbc.update("update call_record set caller_phone_enc = ? where id = 900001", retired.encrypt("13700137000"));
        HttpApi api = new HttpApi(port);

        HttpApi.Answer refused = api.post("/api/v1/admin/privacy/re-encryption", "{}", HttpApi.basic("dispatcher"));
        HttpApi.Answer done = api.post("/api/v1/admin/privacy/re-encryption", "{}", HttpApi.basic("admin"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().path("activeKey").asText()).isEqualTo("test");
        assertThat(done.body().path("rewrittenRows").path("call_record").asInt()).isEqualTo(1);
        String stored = jdbc.queryForObject("select caller_phone_enc from call_record where id = 900001", String.class);
        assertThat(stored).startsWith("v1:test:");
        assertThat(cipher.decrypt(stored)).isEqualTo("13700137000");
    }

    /** The SQL migrations as they were before encryption, copied out of the classpath. */
    private static Path oldMigrations() {
        try {
            Path dir = Files.createTempDirectory("law12348-old-migrations");
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
                String name = r.getFilename();
                if (name != null && BEFORE_ENCRYPTION.contains(name.substring(0, name.indexOf("__")))) {
                    try (InputStream in = r.getInputStream()) {
                        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
