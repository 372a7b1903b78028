package org.law12348.app;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.miniapp.internal.tickets.TicketImages;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing deployment upgrades to hashed channel references (issue 17, item 2): its tickets were
 * made with clear references, a mini-program ticket's images sit in a folder named after its clear
 * reference. After the upgrade no clear reference is left, a retry of an old submission still answers
 * its ticket, a replay with another request is refused, and the images are found under the new name.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ChannelReferenceMigrationScenarios {

    static final String WEB_KEY = "legacy-web-key-1";
    static final String ANONYMISED_KEY = "legacy-web-key-2";
    static final String MINIAPP_REF = "mp900001:legacy-msg-1";
    static final String SUBJECT = "申请法律援助";
    static final String TEXT = "升级以前提交的法律援助申请：公司拖欠工资三个月。";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TicketIntake intake;
    @Autowired
    TicketImages images;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    /**
     * Migrates a new database with the schema's SQL migrations (the Java ones that need keys run when
     * the application starts, as on an upgrade) and stores tickets as the old intake did.
     */
    static void legacyDatabase(String url, String user, Path imageDir, DynamicPropertyRegistry registry) {
        DriverManagerDataSource ds = new DriverManagerDataSource(url, user, "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Timestamp due = Timestamp.from(now.toInstant().plus(3, ChronoUnit.DAYS));
        String insert = """
                insert into ticket (id, version, number, kind, channel, channel_ref, contact_name, contact_phone,
                    wechat_openid, region_code, business_type, subject, text, status, handling_unit, routing_queue,
                    created_at, due_at, closed_at, anonymised_at)
                values (?, 0, ?, 'SERVICE_REQUEST', ?, ?, ?, ?, ?, '440106', 'LEGAL_AID', ?, ?, ?, 'GD-4401-LEGAL-AID',
                    'UNIT', ?, ?, ?, ?)""";
        jdbc.update(insert, 900001, "GD20251101-900001", "WEB", WEB_KEY, "王五", "13700137000", null, SUBJECT, TEXT,
                "ROUTED", now, due, null, null);
        jdbc.update(insert, 900002, "GD20251101-900002", "WECHAT", MINIAPP_REF, null, "13700137001",
                "o6_legacyCitizen1234567", SUBJECT, TEXT, "ROUTED", now, due, null, null);
        jdbc.update(insert, 900003, "GD20251101-900003", "WEB", ANONYMISED_KEY, null, null, null, "（已匿名化）",
                "（已匿名化）", "CLOSED", now, due, now, now);
        try {
            Path folder = Files.createDirectories(imageDir.resolve(oldFolderName(MINIAPP_REF)));
            Files.write(folder.resolve("1.jpg"), JPEG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("law12348.miniapp.uploads.dir", imageDir::toString);
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("law12348-legacy-images");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How image folders were named before: the first 16 bytes of SHA-256 of the clear reference, in hex. */
    private static String oldFolderName(String clearReference) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clearReference.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    abstract Path imageDir();

    @Test
    void noClearReferenceIsLeftAndEachTicketHasItsLedgerEntry() {
        assertThat(jdbc.queryForObject("select channel_ref from ticket where id = 900001", String.class))
                .isEqualTo(intake.referenceOf(Channel.WEB, WEB_KEY));
        assertThat(jdbc.queryForObject("select channel_ref from ticket where id = 900002", String.class))
                .isEqualTo(intake.referenceOf(Channel.WECHAT, MINIAPP_REF));
        for (String clear : new String[]{WEB_KEY, ANONYMISED_KEY, MINIAPP_REF}) {
            assertThat(jdbc.queryForObject("select count(*) from ticket where channel_ref = ?", Integer.class, clear))
                    .isZero();
        }
        assertThat(jdbc.queryForObject(
                "select count(*) from intake_submission where ticket_id in (900001, 900002, 900003)", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void aRetryOfAnOldSubmissionAnswersItsTicketAndAReplayWithAnotherRequestIsRefused() {
        Map<String, String> same = Map.of("businessType", "LEGAL_AID", "regionCode", "440106", "subject", SUBJECT,
                "text", TEXT, "contactName", "王五", "contactPhone", "13700137000");
        HttpApi.Answer retry = api.post("/api/v1/tickets", HttpApi.json(same), "Idempotency-Key", WEB_KEY);
        HttpApi.Answer replay = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "别人的申请内容，看看能拿到什么。")), "Idempotency-Key", WEB_KEY);
        HttpApi.Answer anonymised = api.post("/api/v1/tickets", HttpApi.json(same), "Idempotency-Key", ANONYMISED_KEY);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("number")).isEqualTo("GD20251101-900001");
        assertThat(replay.status()).isEqualTo(422);
        assertThat(replay.raw().body()).doesNotContain("900001");
        assertThat(anonymised.status()).isEqualTo(422);
        assertThat(anonymised.raw().body()).doesNotContain("900003");
    }

    @Test
    void aMiniProgramTicketsImagesAreFoundUnderItsHashedReference() {
        String stored = jdbc.queryForObject("select channel_ref from ticket where id = 900002", String.class);
        assertThat(images.find(stored, 1)).hasValueSatisfying(image -> assertThat(image.file()).hasBinaryContent(JPEG));
        assertThat(imageDir().resolve(oldFolderName(MINIAPP_REF))).doesNotExist();
    }
}
