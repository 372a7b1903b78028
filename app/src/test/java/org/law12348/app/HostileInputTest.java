package org.law12348.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON endpoint of the running application, found from Spring MVC's own mappings (so a new
 * endpoint is covered without touching this test), is fed malformed, deep, huge, mis-encoded and
 * injection-laden bodies by a caller allowed to call it. Never a 5xx, never a stack trace,
 * exception class or SQL in the answer, and a refused request writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "law12348.demo.accounts=true", "law12348.knowledge.load-demo-content=false",
        "camunda.bpm.process-engine-name=hostile",
        // every hostile body must reach its endpoint's validation, not the rate limits (RateLimitTest's subject)
        "law12348.security.rate-limits.registration.requests=1000000",
        "law12348.security.rate-limits.registration.per=PT1M",
        "law12348.security.rate-limits.public-writes.requests=1000000",
        "law12348.security.rate-limits.public-writes.per=PT1M",
        "law12348.security.rate-limits.per-ticket.requests=1000000",
        "law12348.security.rate-limits.per-ticket.per=PT1M",
        // without any template the WeChat and Alipay template endpoints answer 503 "not configured"
        // whatever they are sent (SubscriptionTemplatesTest); configured, they show how they take hostile input
        "law12348.miniapp.wechat.templates.answered=TPL-HOSTILE-ANSWERED",
        "law12348.miniapp.alipay.templates.answered=ALI-TPL-HOSTILE-ANSWERED"})
@ActiveProfiles("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class HostileInputTest {

    /** What only an internal error shows; the hostile strings themselves contain none of it. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at java.", "org.hibernate",
            "org.postgresql", "org.springframework", "java.lang", "SQLState", "SQL Error", "syntax error at",
            "violates", "could not execute", "Caused by");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "law12348_hostile");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    HttpApi api;
    ApiEndpoints endpoints;
    final List<String> failures = new ArrayList<>();

    @BeforeAll
    void client() {
        api = new HttpApi(port);
    }

    /** Discovered once, on first use: probing for each endpoint's caller costs many BCrypt checks. */
    private ApiEndpoints endpoints() {
        if (endpoints != null) {
            return endpoints;
        }
        HttpApi.Answer ticket = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440106", "text", "公司拖欠工资三个月，想咨询如何维权。")));
        endpoints = new ApiEndpoints(mappings, api, ticket.text("number"));
        return endpoints;
    }

    @Test
    void everyJsonEndpointSurvivesHostileBodies() {
        List<ApiEndpoints.Endpoint> json = endpoints().jsonBodies();
        assertThat(json).extracting(ApiEndpoints.Endpoint::template)
                .contains("/api/v1/tickets", "/api/v1/consultant/pool/{number}/answer",
                        "/api/v1/staff/tickets/{number}/reassign", "/api/v1/consultant-registrations");
        for (ApiEndpoints.Endpoint endpoint : json) {
            for (Map.Entry<String, byte[]> body : HostileBodies.shapeless().entrySet()) {
                send(endpoint, body.getKey(), "application/json", body.getValue());
            }
            send(endpoint, "wrong types", "application/json", HostileBodies.utf8(HostileBodies.wrongTypes(endpoint.body())));
            for (String hostile : HostileBodies.HOSTILE_STRINGS) {
                send(endpoint, "string " + hostile, "application/json",
                        HostileBodies.utf8(HostileBodies.shaped(endpoint.body(), HttpApi.json(hostile))));
            }
            for (String raw : HostileBodies.RAW_JSON_STRINGS) {
                send(endpoint, "raw " + raw.substring(0, Math.min(30, raw.length())), "application/json",
                        HostileBodies.utf8(HostileBodies.shaped(endpoint.body(), raw)));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyGetEndpointSurvivesHostileQueryParameters() {
        for (ApiEndpoints.Endpoint endpoint : endpoints().gets()) {
            for (String hostile : HostileBodies.QUERY_STRINGS) {
                check(endpoint + " with " + hostile, api.get(endpoints().hostileQuery(endpoint, hostile), endpoint.auth()),
                        false);
                if (endpoint.template().contains("{")) {
                    check(endpoint + " with path " + hostile, api.get(endpoints().hostilePath(endpoint, hostile),
                            endpoint.auth()), false);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void abusiveHeadersAreRefusedCleanly() {
        String body = HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106", "text", "拖欠工资三个月。"));
        int before = rows();
        RawHttp raw = new RawHttp(port);
        Map<String, String> abuses = Map.of(
                "64 KB header", "X-Padding: " + "a".repeat(64 * 1024),
                "second, different Content-Length", "Content-Length: 3",
                "non-ASCII Idempotency-Key", "Idempotency-Key: 工资拖欠",
                "Transfer-Encoding beside Content-Length", "Transfer-Encoding: chunked");
        for (Map.Entry<String, String> abuse : abuses.entrySet()) {
            RawHttp.Reply reply = raw.post("/api/v1/tickets", body, abuse.getValue());
            if (reply.status() < 400 || reply.status() >= 500 || LEAKS.stream().anyMatch(reply.text()::contains)) {
                failures.add(abuse.getKey() + " answered " + reply.status() + ": " + abbreviate(reply.text()));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rows()).isEqualTo(before);
        // a declared charset the body is not in is the caller's mistake: 4xx, or mojibake taken in — never 5xx
        for (String contentType : List.of("application/json;charset=klingon-42", "application/json;charset=ISO-8859-1",
                "application/json;charset=UTF-16")) {
            HttpApi.Answer answer = new HttpApi(port).postRaw("/api/v1/tickets", contentType, HostileBodies.utf8(body));
            check("Content-Type " + contentType, answer, answer.status() >= 400);
        }
        assertThat(failures).isEmpty();
    }

    private void send(ApiEndpoints.Endpoint endpoint, String what, String contentType, byte[] body) {
        int before = rows();
        HttpApi.Answer answer = api.request(endpoint.method(), endpoint.path(), contentType, body, endpoint.auth());
        boolean refused = answer.status() >= 400;
        check(endpoint + " with " + what, answer, refused);
        if (refused && rows() != before) {
            failures.add(endpoint + " with " + what + ": refused with " + answer.status() + " but wrote rows");
        }
    }

    private void check(String what, HttpApi.Answer answer, boolean refused) {
        String text = answer.raw().body() == null ? "" : answer.raw().body();
        if (answer.status() >= 500) {
            failures.add(what + ": " + answer.status() + " " + abbreviate(text));
        } else if (LEAKS.stream().anyMatch(text::contains)) {
            failures.add(what + ": leaks internals: " + abbreviate(text));
        } else if (refused && answer.raw().uri().getPath().startsWith("/api/")
                && !answer.raw().headers().firstValue("Content-Type").orElse("").contains("json")) {
            failures.add(what + ": refused without a problem detail: " + answer.status());
        }
    }

    private int rows() {
        return jdbc.queryForObject("select (select count(*) from ticket) + (select count(*) from timeline_entry)"
                + " + (select count(*) from outbox_event)", Integer.class);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
