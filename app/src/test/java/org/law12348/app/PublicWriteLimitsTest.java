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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, "public write doors are not all throttled": only the JSON intake and the mini-program
 * sign-ins answered 429; the portal's ask form went round the intake limit, and registration,
 * deflections and every tracking-token action took any number of requests (730 erasure requests were
 * accepted on one ticket). Here (limits of {@link LowLimitsApp}: intake 3, registration 2, other public
 * writes 6 per address and hour; 3 accepted writes per ticket and hour) each of them is refused.
 */
@LowLimitsApp
class PublicWriteLimitsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");

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
    void theAskFormSharesTheIntakeAllowanceAndGivesTheFormBackWithWhatWasTyped() {
        String address = "203.0.113.100";
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/v1/tickets", ticketJson(), "X-Forwarded-For", address).status()).isEqualTo(201);
        }
        HttpApi browser = new HttpApi(port, true);
        String page = browser.get("/", "X-Forwarded-For", address).raw().body();
        String csrf = group(CSRF, page);
        assertThat(askForm(browser, csrf, group(SUBMISSION, page), "第一次提交的问题", address).status()).isEqualTo(302);
        long tickets = count("select count(*) from ticket");

        String typed = "单位拖欠我三个月工资，老板说下个月再发，我该怎么办？";
        HttpApi.Answer refused = askForm(browser, csrf, "submission-kept-1", typed, address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.raw().body()).contains("提交过于频繁", "秒后再试", "您填写的内容已保留")
                .contains(typed).contains("value=\"submission-kept-1\"").contains("name=\"_csrf\"");
        assertThat(count("select count(*) from ticket")).isEqualTo(tickets);
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
        HttpApi browser = new HttpApi(port, true);
        // the ticket page takes the token from its cookie, as the portal hands it over (never the query string)
        String page = browser.get("/track/" + number, "Cookie", "law12348_tracking=" + ticket.trackingToken(),
                "X-Forwarded-For", "203.0.113.141").raw().body();
        String csrf = group(CSRF, page);
        assertThat(followUpForm(browser, number, ticket.trackingToken(), csrf, "还需要什么材料？", "203.0.113.141")
                .status()).isEqualTo(302);
        assertThat(api.post("/api/v1/tickets/" + number + "/erasure-requests", "{}", with(holder, "203.0.113.142"))
                .status()).isEqualTo(202);

        assertRateLimited(api.post("/api/v1/tickets/" + number + "/rating", HttpApi.json(Map.of("score", 5)),
                with(holder, "203.0.113.143")));
        HttpApi.Answer form = rateForm(browser, number, ticket.trackingToken(), csrf, "答复很耐心，谢谢", "203.0.113.144");
        assertThat(form.status()).isEqualTo(429);
        assertThat(form.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(form.raw().body()).contains("提交过于频繁", number).contains("value=\"答复很耐心，谢谢\"");
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

    private static HttpApi.Answer askForm(HttpApi browser, String csrf, String submission, String text, String address) {
        String form = "_csrf=" + enc(csrf) + "&submissionId=" + enc(submission) + "&businessType=LEGAL_AID"
                + "&regionCode=440106&text=" + enc(text);
        return browser.postRaw("/ask", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                "X-Forwarded-For", address);
    }

    private static HttpApi.Answer rateForm(HttpApi browser, String number, String token, String csrf, String comment,
                                           String address) {
        String form = "_csrf=" + enc(csrf) + "&token=" + enc(token) + "&score=4&comment=" + enc(comment);
        return browser.postRaw("/track/" + number + "/rate", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", address);
    }

    private static HttpApi.Answer followUpForm(HttpApi browser, String number, String token, String csrf, String text,
                                               String address) {
        String form = "_csrf=" + enc(csrf) + "&token=" + enc(token) + "&text=" + enc(text);
        return browser.postRaw("/track/" + number + "/follow-up", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", address);
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

    private static String group(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as("the page carries " + pattern).isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
}
