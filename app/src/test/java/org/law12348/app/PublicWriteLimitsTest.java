package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, "public write doors are not all throttled": only the JSON intake and the mini-program
 * sign-ins answered 429; the portal's ask form (since removed) went round the intake limit, and registration,
 * deflections and every tracking-token action took any number of requests (730 erasure requests were
 * accepted on one ticket). Here (limits of {@link LowLimitsApp}: intake 3, registration 2, other public
 * writes 6 per address and hour; 3 accepted writes per ticket and hour) each of them is refused.
 */
@LowLimitsApp
class PublicWriteLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    TicketIntake intake;
    @Autowired
    TicketService tickets;
    @Autowired
    JdbcTemplate jdbc;
    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void theIntakeAllowanceIsPerAddressAndARefusalSaysHowLongToWait() {
        String address = "203.0.113.100";
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/tickets", ticketJson(), "X-Forwarded-For", address).status()).isEqualTo(201);
        }
        long tickets = count("select count(*) from ticket");

        HttpApi.Answer refused = api.post("/api/v1/tickets", ticketJson(), "X-Forwarded-For", address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.text("code")).isEqualTo("rate.limited");
        assertThat(refused.text("detail")).contains("请求过于频繁", "秒后再试");
        assertThat(count("select count(*) from ticket")).isEqualTo(tickets);
        assertThat(api.post("/api/v1/tickets", ticketJson(), "X-Forwarded-For", "203.0.113.101").status())
                .as("another address has its own allowance").isEqualTo(201);
    }

    @Test
    void consultantRegistrationIsLimitedPerAddress() {
        String address = "203.0.113.110";
        for (int i = 0; i < 2; i++) {
            assertThat(register(address).status()).isEqualTo(201);
        }
        assertRateLimited(register(address));
        assertThat(register("203.0.113.111").status()).as("another address").isEqualTo(201);
    }

    @Test
    void ticketActionsDeflectionsAndMiniProgramWritesShareOneAllowancePerAddress() {
        String number = answeredTicket().ticketNumber();
        String address = "203.0.113.120";
        List<HttpApi.Answer> answers = List.of(
                api.post("/api/v1/tickets/" + number + "/follow-ups", HttpApi.json(Map.of("text", "请问进展？")),
                        "X-Tracking-Token", "guessed", "X-Forwarded-For", address),
                api.post("/api/v1/tickets/" + number + "/erasure-requests", "{}", "X-Tracking-Token", "guessed",
                        "X-Forwarded-For", address),
                api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 1)),
                        "X-Tracking-Token", "guessed", "X-Forwarded-For", address),
                api.post("/api/v1/kb/deflections", HttpApi.json(Map.of("articleId", "demo-01")),
                        "X-Forwarded-For", address),
                api.post("/api/v1/miniapp/wechat/subscriptions", "{}", "X-Forwarded-For", address),
                api.post("/api/v1/miniapp/tickets/" + number + "/follow-ups", HttpApi.json(Map.of("text", "请问进展？")),
                        "X-Forwarded-For", address));
        assertThat(answers).extracting(HttpApi.Answer::status).doesNotContain(429);

        assertRateLimited(api.post("/api/v1/tickets/" + number + "/erasure-requests", "{}", "X-Tracking-Token",
                "guessed", "X-Forwarded-For", address));
        assertRateLimited(api.post("/api/v1/kb/deflections", HttpApi.json(Map.of("articleId", "demo-01")),
                "X-Forwarded-For", address));
        assertThat(api.post("/api/v1/tickets/" + number + "/erasure-requests", "{}", "X-Tracking-Token", "guessed",
                "X-Forwarded-For", "203.0.113.121").status()).as("another address").isEqualTo(404);
    }

    @Test
    void aTokenHolderFilesOnlySoMuchOnOneTicketWhateverTheDoorAndAddress() {
        IntakeResult ticket = answeredTicket();
        String number = ticket.ticketNumber();
        String[] holder = {"X-Tracking-Token", ticket.trackingToken()};
        // a stranger who knows the number is refused as not found, and uses up nothing of the holder's
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 1)),
                    "X-Tracking-Token", "guessed-" + i, "X-Forwarded-For", "203.0.113.13" + i).status()).isEqualTo(404);
        }
        assertThat(api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 4)),
                with(holder, "203.0.113.140")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tickets/" + number + "/follow-ups", HttpApi.json(Map.of("text", "还需要什么材料？")),
                with(holder, "203.0.113.141")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tickets/" + number + "/erasure-requests", "{}", with(holder, "203.0.113.142"))
                .status()).isEqualTo(202);

        assertRateLimited(api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 5)),
                with(holder, "203.0.113.143")));
        assertRateLimited(api.post("/api/v1/tickets/" + number + "/follow-ups",
                HttpApi.json(Map.of("text", "答复很耐心，谢谢")), with(holder, "203.0.113.144")));
        assertThat(timeline(number, "RATED")).isEqualTo(1);
        assertThat(timeline(number, "FOLLOW_UP")).isEqualTo(1);
        assertThat(api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 1)),
                "X-Tracking-Token", "guessed", "X-Forwarded-For", "203.0.113.145").status())
                .as("a stranger still learns nothing from a 429").isEqualTo(404);
    }

    @Test
    void aRepeatedErasureRequestAnswersTheOpenOneInsteadOfFilingAnother() {
        IntakeResult ticket = answeredTicket();
        String path = "/api/v1/tickets/" + ticket.ticketNumber() + "/erasure-requests";
        String[] holder = {"X-Tracking-Token", ticket.trackingToken()};

        HttpApi.Answer first = api.post(path, HttpApi.json(Map.of("note", "请删除我的个人信息")), with(holder, "203.0.113.150"));
        HttpApi.Answer again = api.post(path, HttpApi.json(Map.of("note", "再次申请")), with(holder, "203.0.113.151"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("REQUESTED");
        assertThat(again.text("requestedAt")).isNotEmpty().isEqualTo(first.text("requestedAt"));
        assertThat(again.text("message")).contains("无需重复申请");
        assertThat(count("select count(*) from audit_entry where action = 'CITIZEN_ERASURE_REQUESTED' "
                + "and ticket_number = '" + ticket.ticketNumber() + "'")).isEqualTo(1);
    }

    @Test
    void aDeflectionCountsOnlyForAnArticleASearchShowedThatClientAndOncePerDay() {
        String client = "203.0.113.160";
        JsonNode faq = firstFaq(api.get("/api/v1/kb/search?q=" + enc("工资"), "X-Forwarded-For", client));
        String article = faq.path("id").asText();
        String impression = faq.path("impression").asText();
        long before = count("select count(*) from kb_deflection");

        assertThat(deflect(article, impression, client).status()).isEqualTo(204);
        assertThat(deflect(article, impression, client).status()).as("the same client again today").isEqualTo(204);
        assertThat(count("select count(*) from kb_deflection")).isEqualTo(before + 1);

        HttpApi.Answer unseen = api.post("/api/v1/kb/deflections", HttpApi.json(Map.of("articleId", article)),
                "X-Forwarded-For", "203.0.113.161");
        assertThat(unseen.status()).isEqualTo(400);
        assertThat(unseen.text("field")).isEqualTo("impression");
        assertThat(deflect(article, impression, "203.0.113.162").status()).as("shown to another client").isEqualTo(400);
        String forged = impression.substring(0, impression.length() - 1)
                + (impression.endsWith("0") ? "1" : "0");
        assertThat(deflect(article, forged, "203.0.113.163").status()).isEqualTo(400);
        assertThat(count("select count(*) from kb_deflection")).isEqualTo(before + 1);
    }

    private HttpApi.Answer deflect(String article, String impression, String client) {
        return api.post("/api/v1/kb/deflections", HttpApi.json(Map.of("articleId", article, "query", "工资",
                "impression", impression)), "X-Forwarded-For", client);
    }

    private static JsonNode firstFaq(HttpApi.Answer hits) {
        assertThat(hits.status()).isEqualTo(200);
        for (JsonNode hit : hits.body()) {
            if ("faq".equals(hit.path("type").asText())) {
                return hit;
            }
        }
        throw new AssertionError("no FAQ among " + hits.raw().body());
    }

    /** A legal-aid question of Guangzhou's unit, answered by its handler: citizens may rate and follow up. */
    private IntakeResult answeredTicket() {
        IntakeResult created = intake.receive(IntakeRequest.fromWeb(UUID.randomUUID().toString(), "LEGAL_AID", "440106",
                "公司拖欠工资三个月，想申请法律援助，需要什么材料？"));
        tickets.answer(created.ticketNumber(), "请携带身份证、劳动合同和欠薪证据到法律援助中心申请。",
                new StaffMember("handler-gz", StaffRole.UNIT_HANDLER, "GD-4401-LEGAL-AID"));
        return created;
    }

    private HttpApi.Answer register(String address) {
        String username = "reg" + UUID.randomUUID().toString().substring(0, 8);
        return api.post("/api/v1/consultant-registrations", HttpApi.json(Map.of(
                "username", username, "password", "demo12348-" + username, "displayName", "志愿者" + username,
                "application", Map.of("qualification", "GRASSROOTS_LEGAL_WORKER", "licenceNumber", "GD-2024-" + username,
                        "regionCode", "440100", "businessTypes", List.of("LEGAL_CONSULTATION"),
                        "categories", List.of("LABOR"), "statement", "基层法律服务工作者"))), "X-Forwarded-For", address);
    }

    private static String[] with(String[] headers, String address) {
        return new String[] {headers[0], headers[1], "X-Forwarded-For", address};
    }

    private int timeline(String number, String type) {
        return jdbc.queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.type = ?", Integer.class, number, type);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String ticketJson() {
        return HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "公司拖欠工资三个月，想申请法律援助。"));
    }

    static void assertRateLimited(HttpApi.Answer answer) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.text("code")).isEqualTo("rate.limited");
        assertThat(answer.text("detail")).startsWith("请求过于频繁");
        long retryAfter = Long.parseLong(answer.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
