package org.law12348.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.internal.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, security 1: the public sign-up created a consultant login that, before any approval,
 * listed the pool ({@code GET /api/v1/staff/tickets}) and opened its questions ({@code GET
 * /api/v1/tickets/{number}}: question text, contact name, masked phone, notes). Staff access now
 * rests on an approved, unexpired certification for the question's fields and region, decided
 * again on every request. Same application as {@link H2ConsultationTest} (one shared context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1")
class ConsultantSignUpAccessTest {

    private static final String QUESTION = "公司拖欠工资两个月，我叫王小明，电话13812345678，老板说再等等，我该怎么讨薪？";

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void aFreshSignUpCannotListOrOpenPoolQuestionsNorDraftKnowledge() {
        String number = ask();
        String applicant = signUp(List.of("LEGAL_CONSULTATION"));
        String[] as = HttpApi.basic(applicant);

        assertThat(api.get("/api/v1/staff/tickets", as).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/staff/tickets?queue=VOLUNTEER_POOL", as).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/staff/tickets/" + number, as).status()).isEqualTo(403);
        HttpApi.Answer opened = api.get("/api/v1/tickets/" + number, as);
        assertThat(opened.status()).isEqualTo(404);
        assertThat(opened.raw().body()).doesNotContain("拖欠工资", "王小明", "138****5678");
        HttpApi.Answer pool = api.get("/api/v1/consultant/pool", as);
        assertThat(pool.status()).isEqualTo(403);
        assertThat(pool.text("code")).isEqualTo("consultant.notCertified");
        assertThat(pool.text("detail")).contains("待审核");

        Map<String, String> article = Map.of("question", "公司拖欠工资怎么办？",
                "answer", "可以向劳动保障监察机构投诉，或者申请劳动仲裁。", "category", "LABOR");
        assertThat(api.post("/api/v1/kb/articles", HttpApi.json(article), as).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/kb/articles?status=DRAFT", as).status()).isEqualTo(403);
        String draft = api.post("/api/v1/kb/articles", HttpApi.json(article), HttpApi.basic("consultant")).text("id");
        assertThat(api.get("/api/v1/kb/articles/" + draft, as).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/kb/articles/" + draft + "/versions", as).status()).isEqualTo(403);

        HttpApi.Answer me = api.get("/api/v1/consultant/me", as);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("status")).isEqualTo("APPLIED");
        assertThat(me.raw().body()).doesNotContain(number, "拖欠工资");
    }

    @Test
    void aCertifiedConsultantOpensOnlyPoolQuestionsOfTheirFields() {
        String number = ask();
        String mediator = approved(signUp(List.of("MEDIATION")));
        String labour = approved(signUp(List.of("LEGAL_CONSULTATION")));

        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic(mediator)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + number, HttpApi.basic(mediator)).status()).isEqualTo(404);
        HttpApi.Answer listed = api.get("/api/v1/staff/tickets?limit=200", HttpApi.basic(mediator));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw().body()).doesNotContain(number);

        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic(labour)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + number, HttpApi.basic(labour)).body().path("staff")
                .path("contactPhone").asText()).isEqualTo("138****5678");
    }

    @Test
    void aSessionSignedInBeforeARevocationLosesStaffAccessOnItsNextRequest() {
        String number = ask();
        String volunteer = approved(signUp(List.of("LEGAL_CONSULTATION")));
        HttpApi browser = new HttpApi(port, true);
        signIn(browser, volunteer);
        assertThat(browser.get("/api/v1/staff/tickets").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/tickets/" + number).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/admin/consultants/" + volunteer + "/revoke",
                HttpApi.json(Map.of("reason", "冒用他人执业证")), HttpApi.basic("admin")).status()).isEqualTo(200);

        HttpApi.Answer listed = browser.get("/api/v1/staff/tickets");
        assertThat(listed.status()).isEqualTo(403);
        assertThat(listed.text("detail")).contains("已撤销");
        assertThat(browser.get("/api/v1/tickets/" + number).status()).isEqualTo(404);
        assertThat(browser.get("/api/v1/consultant/me").text("status")).isEqualTo("REVOKED");
    }

    private String ask() {
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440106", "text", QUESTION, "contactName", "王小明", "contactPhone", "13812345678")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("queue")).isEqualTo("VOLUNTEER_POOL");
        relay.relayPending();
        return created.text("number");
    }

    /** The public sign-up: an account and its application, awaiting review. */
    private String signUp(List<String> businessTypes) {
        String username = "vol" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Answer registered = api.post("/api/v1/consultant-registrations", HttpApi.json(Map.of(
                "username", username, "password", "demo12348", "displayName", "志愿者" + username,
                "application", Map.of("qualification", "GRASSROOTS_LEGAL_WORKER", "licenceNumber", "GD-2024-" + username,
                        "regionCode", "440100", "businessTypes", businessTypes, "categories", List.of("LABOR"),
                        "statement", "基层法律服务工作者"))));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("status")).isEqualTo("APPLIED");
        return username;
    }

    private String approved(String username) {
        HttpApi.Answer approved = api.post("/api/v1/admin/consultants/" + username + "/approve",
                HttpApi.json(Map.of("validUntil", LocalDate.now().plusYears(1).toString())), HttpApi.basic("admin"));
        assertThat(approved.status()).isEqualTo(200);
        return username;
    }

    /** Signs in through the login form, as a browser does; the client keeps the session cookie. */
    private static void signIn(HttpApi browser, String username) {
        String csrf = LoginThrottlingTest.csrfOf(browser.get("/login").raw().body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo12348&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpApi.Answer signedIn = browser.postRaw("/login", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
    }
}
