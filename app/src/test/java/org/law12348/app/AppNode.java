package org.law12348.app;

import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One application node on PostgreSQL, started and stopped inside a test: its own HTTP port, its
 * own Camunda engine name (engines live in a JVM-wide registry by name; Camunda ignores a name with
 * a hyphen and falls back to "default"), job executor and outbox
 * relay running, and timings short enough that background work shows within seconds.
 */
final class AppNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static AppNode start(String engineName, String jdbcUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "spring.profiles.active", "postgres",
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", PostgresDatabase.USER,
                "spring.jmx.enabled", "false",
                "camunda.bpm.process-engine-name", engineName,
                "law12348.demo.accounts", "true",
                "camunda.bpm.job-execution.wait-time-in-millis", "300",
                "camunda.bpm.job-execution.max-wait", "1000",
                "law12348.ticketing.outbox-poll-interval", "PT0.3S"));
        // the shipped statutes take many seconds to index and no fault test searches them
        properties.put("law12348.knowledge.load-demo-content", "false");
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        properties.putAll(extra);
        // as command-line arguments: they outrank the postgres profile's own datasource settings
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new AppNode(TelephonyTestClassesExcluded.product().run(arguments));
    }

    HttpApi api() {
        return new HttpApi(port());
    }

    /** A client that keeps its session cookie, like a browser. */
    HttpApi browser() {
        return new HttpApi(port(), true);
    }

    private int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Timeline entries of one type on one ticket. */
    int entries(String number, String type) {
        return jdbc().queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.type = ?", Integer.class, number, type);
    }

    /** Asks a labour-law question in Guangzhou; it goes to the volunteer pool. Returns the ticket number. */
    String ask(String text) {
        HttpApi.Answer created = api().post("/api/v1/tickets", HttpApi.json(Map.of(
                "businessType", "LEGAL_CONSULTATION", "regionCode", "440106", "text", text)));
        if (created.status() != 201 || !"VOLUNTEER_POOL".equals(created.text("queue"))) {
            throw new IllegalStateException("Question not taken into the pool: " + created.raw().body());
        }
        return created.text("number");
    }

    /** Registers a volunteer and has the admin certify them; returns the username. */
    String certifiedVolunteer() {
        String username = "vol" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Answer registered = api().post("/api/v1/consultant-registrations", HttpApi.json(Map.of(
                "username", username, "password", "demo12348", "displayName", "志愿者" + username,
                "application", Map.of("qualification", "GRASSROOTS_LEGAL_WORKER", "licenceNumber", "GD-2024-" + username,
                        "regionCode", "440100", "businessTypes", List.of("LEGAL_CONSULTATION"),
                        "categories", List.of("LABOR", "HOUSING"), "statement", "基层法律服务工作者"))));
        HttpApi.Answer approved = api().post("/api/v1/admin/consultants/" + username + "/approve",
                HttpApi.json(Map.of("validUntil", LocalDate.now().plusYears(1).toString())), HttpApi.basic("admin"));
        if (registered.status() != 201 || approved.status() != 200) {
            throw new IllegalStateException("Volunteer not certified: " + approved.raw().body());
        }
        return username;
    }

    @Override
    public void close() {
        context.close();
    }
}
