package org.law12348.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away while citizens submit tickets and staff work: with the shipped settings (no
 * test override of the pool) intake and a staff member's HTTP Basic request answer 503 with
 * Retry-After within seconds — not after HikariCP's default 30 s wait, and never as a failed sign-in —,
 * readiness reports DOWN, writes are never half done, and the node — web, outbox relay and Camunda
 * job executor — carries on by itself once the database is back.
 */
@Tag("slow")
class DatabaseOutageTest {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final String TEXT = "单位拖欠工资半年，申请法律援助。";

    private final ListAppender<ILoggingEvent> backgroundWarnings = new ListAppender<>();

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
        for (String name : new String[] {"org.law12348.ticketing.internal.OutboxRelay", "org.camunda.bpm.engine.jobexecutor"}) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(backgroundWarnings);
        }
    }

    @Test
    void intakeAnswers503WhileTheDatabaseIsAwayAndResumesOnItsOwn() throws Exception {
        String database = PostgresDatabase.create("law12348_outage");
        URI direct = URI.create(database.substring("jdbc:".length()));
        try (DatabaseProxy proxy = new DatabaseProxy(direct.getHost(), direct.getPort());
             AppNode node = AppNode.start("outage", "jdbc:postgresql://127.0.0.1:" + proxy.port() + direct.getPath(),
                     Map.of())) {
            assertThat(node.bean(HikariDataSource.class).getConnectionTimeout())
                    .as("the shipped connection wait").isLessThanOrEqualTo(2000);
            HttpApi api = node.api();
            HttpApi.Answer before = submit(api, "before-outage");
            assertThat(before.status()).isEqualTo(201);
            assertThat(api.get("/api/v1/staff/tickets", HttpApi.basic("dispatcher")).status()).isEqualTo(200);
            assertThat(health(api, "readiness")).isEqualTo("UP");
            HttpApi browser = node.browser();
            String csrf = LoginThrottlingTest.csrfOf(browser.get("/login").raw().body());
            HttpApi signedIn = node.browser();
            assertThat(signIn(signedIn, LoginThrottlingTest.csrfOf(signedIn.get("/login").raw().body())).status())
                    .isEqualTo(302);
            assertThat(signedIn.get("/api/v1/staff/tickets").status()).isEqualTo(200);
            watchBackgroundWarnings();

            proxy.cut();
            HttpApi.Answer keyed = timed(() -> submit(api, "during-outage"));
            HttpApi.Answer unkeyed = timed(() -> api.post("/api/v1/tickets", body()));
            // bug: the user lookup's failure became an authentication error, 401 "please sign in"
            HttpApi.Answer staff = timed(() -> api.get("/api/v1/staff/tickets", HttpApi.basic("dispatcher")));
            // a session's staff member is read again on every request (issue 17): that read fails as well
            HttpApi.Answer session = timed(() -> signedIn.get("/api/v1/staff/tickets"));
            for (HttpApi.Answer refused : new HttpApi.Answer[] {keyed, unkeyed, staff, session}) {
                assertUnavailable(refused);
            }
            // bug: the sign-in form said "wrong user name or password"
            HttpApi.Answer signIn = timed(() -> signIn(browser, csrf));
            assertThat(signIn.status()).isEqualTo(503);
            assertThat(signIn.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(signIn.raw().body()).contains("系统暂时无法登录，请稍后再试").doesNotContain("用户名或密码错误");
            // bug: readiness stayed UP, so a load balancer kept sending requests to a node that cannot serve them
            assertThat(health(api, "readiness")).isEqualTo("DOWN");
            assertThat(health(api, "liveness")).as("nothing a restart would fix").isEqualTo("UP");
            // the relay and the job executor meet the outage too, say so, and keep their threads
            await().atMost(Duration.ofSeconds(20)).until(() -> warnedBy("OutboxRelay") && warnedBy("jobexecutor"));

            proxy.restore();
            await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(health(api, "readiness")));
            assertThat(api.get("/api/v1/staff/tickets", HttpApi.basic("dispatcher")).status()).isEqualTo(200);
            assertThat(signedIn.get("/api/v1/staff/tickets").status()).as("the session survived").isEqualTo(200);
            HttpApi.Answer retried = submit(api, "during-outage");
            assertThat(retried.status()).isEqualTo(201);
            assertThat(submit(api, "during-outage").text("number")).isEqualTo(retried.text("number"));

            JdbcTemplate jdbc = node.jdbc();
            assertThat(jdbc.queryForObject("select count(*) from ticket", Integer.class)).isEqualTo(2);
            assertThat(jdbc.queryForObject("select count(*) from ticket t where not exists "
                    + "(select 1 from timeline_entry e where e.ticket_id = t.id) or not exists "
                    + "(select 1 from outbox_event o where o.ticket_number = t.number)", Integer.class)).isZero();
            String number = retried.text("number");
            RuntimeService runtime = node.bean(RuntimeService.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_event where processed_at is null", Integer.class) == 0
                    && runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count() == 1);

            // the job executor still works: the ticket's deadline timer fires once it is due
            Instant due = Instant.parse(retried.text("dueAt"));
            ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
            await().atMost(Duration.ofSeconds(20)).until(() -> entries(jdbc, number, "ESCALATED") == 1);
            assertThat(proxy.refusedConnections()).isPositive();
        }
    }

    /**
     * Runs a request made while the database is away: it must be answered within seconds. The bound
     * is loose on purpose (the shipped wait is 2 s; the bug was HikariCP's 30 s default).
     */
    private static HttpApi.Answer timed(Supplier<HttpApi.Answer> request) {
        long start = System.nanoTime();
        HttpApi.Answer answer = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("{} {} answered {} in {} ms while the database was away", answer.raw().request().method(),
                answer.raw().uri().getPath(), answer.status(), took.toMillis());
        assertThat(took).as("time to answer while the database is away").isLessThan(Duration.ofSeconds(10));
        return answer;
    }

    private static void assertUnavailable(HttpApi.Answer refused) {
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.text("code")).isEqualTo("service.unavailable");
        assertThat(refused.text("detail")).containsPattern("\\p{IsHan}");
        assertThat(refused.raw().body()).doesNotContain("Exception", "SQL", "at org.");
    }

    private static String health(HttpApi api, String probe) {
        return api.get("/actuator/health/" + probe).text("status");
    }

    private static HttpApi.Answer signIn(HttpApi browser, String csrf) {
        String form = "username=dispatcher&password=demo12348&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.postRaw("/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpApi.Answer submit(HttpApi api, String key) {
        return api.post("/api/v1/tickets", body(), "Idempotency-Key", key);
    }

    private static String body() {
        return HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106", "text", TEXT));
    }

    private static int entries(JdbcTemplate jdbc, String number, String type) {
        return jdbc.queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.type = ?", Integer.class, number, type);
    }

    private void watchBackgroundWarnings() {
        backgroundWarnings.start();
        for (String name : new String[] {"org.law12348.ticketing.internal.OutboxRelay", "org.camunda.bpm.engine.jobexecutor"}) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(backgroundWarnings);
        }
    }

    private boolean warnedBy(String loggerPart) {
        synchronized (backgroundWarnings) {
            return backgroundWarnings.list.stream().anyMatch(e -> e.getLoggerName().contains(loggerPart)
                    && e.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }
}
