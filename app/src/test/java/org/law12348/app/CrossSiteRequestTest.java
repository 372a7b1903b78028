package org.law12348.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, security 8: a staff member signed in in the browser opens another site, whose page posts
 * a form to a staff action. The API's 401 had asked browsers for Basic credentials (which they then
 * add to every request, cross-site ones included), and any Authorization header switched CSRF
 * protection off, so the forged {@code …/accept} succeeded. Requests are written by hand, exactly as
 * the browser sends that form post.
 */
@LowLimitsApp
class CrossSiteRequestTest {

    private static final String ATTACKER = "https://attacker.example";

    @LocalServerPort
    int port;
    HttpApi api;
    RawHttp raw;

    @BeforeEach
    void clients() {
        api = new HttpApi(port);
        raw = new RawHttp(port);
    }

    @Test
    void aCrossSiteFormPostWithTheSessionCookieAndBasicCredentialsIsRefused() {
        String number = ticketOfHandlerGz();
        String session = signIn("handler-gz");

        RawHttp.Reply forged = raw.send("POST", "/api/v1/staff/tickets/" + number + "/accept", List.of(
                "Cookie: JSESSIONID=" + session, basicOf("handler-gz"), "Origin: " + ATTACKER,
                "Referer: " + ATTACKER + "/prize.html", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate",
                "Content-Type: application/x-www-form-urlencoded", "Accept: text/html"), "confirm=1");
        RawHttp.Reply forgedByOldBrowser = raw.send("POST", "/api/v1/staff/tickets/" + number + "/accept", List.of(
                "Cookie: JSESSIONID=" + session, basicOf("handler-gz"), "Origin: " + ATTACKER,
                "Content-Type: application/x-www-form-urlencoded"), "confirm=1");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forgedByOldBrowser.status()).as("no Sec-Fetch-Site: the session cookie alone decides")
                .isEqualTo(403);
        assertThat(statusOf(number)).isEqualTo("ROUTED");
    }

    @Test
    void theSameSessionWithItsCsrfTokenIsServed() {
        String number = ticketOfHandlerGz();
        String session = signIn("handler-gz");
        RawHttp.Reply withoutToken = raw.send("POST", "/api/v1/staff/tickets/" + number + "/accept", List.of(
                "Cookie: JSESSIONID=" + session, "Sec-Fetch-Site: same-origin"), "");
        assertThat(withoutToken.status()).isEqualTo(403);
        String token = cookie(withoutToken, "XSRF-TOKEN");

        RawHttp.Reply withToken = raw.send("POST", "/api/v1/staff/tickets/" + number + "/accept", List.of(
                "Cookie: JSESSIONID=" + session + "; XSRF-TOKEN=" + token, "X-XSRF-TOKEN: " + token,
                "Sec-Fetch-Site: same-origin"), "");

        assertThat(withToken.status()).isEqualTo(200);
        assertThat(statusOf(number)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aScriptWithBasicCredentialsAndNoCookieIsServedButNotWhenABrowserSendsItCrossSite() {
        String number = ticketOfHandlerGz();
        RawHttp.Reply cachedCredentialsCrossSite = raw.send("POST", "/api/v1/staff/tickets/" + number + "/accept",
                List.of(basicOf("handler-gz"), "Origin: " + ATTACKER, "Sec-Fetch-Site: cross-site",
                        "Content-Type: application/x-www-form-urlencoded"), "confirm=1");
        assertThat(cachedCredentialsCrossSite.status()).isEqualTo(403);
        assertThat(statusOf(number)).isEqualTo("ROUTED");

        RawHttp.Reply script = raw.send("POST", "/api/v1/staff/tickets/" + number + "/accept",
                List.of(basicOf("handler-gz")), "");

        assertThat(script.status()).isEqualTo(200);
        assertThat(statusOf(number)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void camundasRestApiNeedsTheTokenWhenTheRequestCarriesTheSessionCookie() {
        String session = signIn("admin");
        List<String> json = List.of("Content-Type: application/json", "Accept: application/json");

        RawHttp.Reply withSession = raw.send("POST", "/engine-rest/task",
                concat(json, "Cookie: JSESSIONID=" + session, "Origin: " + ATTACKER), "{}");
        RawHttp.Reply script = raw.send("POST", "/engine-rest/task", concat(json, basicOf("admin")), "{}");

        assertThat(withSession.status()).isEqualTo(403);
        assertThat(script.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/staff/tickets", "/api/v1/consultant/me", "/api/v1/staff/events",
            "/api/v1/staff/tickets/deadline-counts", "/api/v1/staff/dashboard", "/api/v1/admin/units",
            "/api/v1/admin/routing/versions", "/engine-rest/engine", "/actuator"})
    void noAnswerAsksABrowserForBasicCredentials(String path) {
        // each path from its own address: the wrong password must not spend other tests' sign-in budget
        String from = "X-Forwarded-For: 203.0.113." + (1 + Math.floorMod(path.hashCode(), 250));
        List<RawHttp.Reply> replies = new ArrayList<>();
        for (String header : List.of("Accept: */*", "Accept: application/json", "X-Requested-With: XMLHttpRequest",
                "Accept: text/html", "Authorization: Basic " + base64("basic-prompt-probe:wrong-password"))) {
            replies.add(raw.send("GET", path, List.of(header, from), ""));
        }

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isIn(302, 401);
            assertThat(reply.headers("WWW-Authenticate")).noneMatch(value -> value.regionMatches(true, 0, "Basic", 0, 5));
        });
    }

    private String ticketOfHandlerGz() {
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠工资三个月，想申请法律援助。")),
                "X-Forwarded-For", "198.51.100." + (100 + Math.floorMod(UUID.randomUUID().hashCode(), 100)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("handlingUnit")).isEqualTo("GD-4401-LEGAL-AID");
        return created.text("number");
    }

    private String statusOf(String number) {
        return api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).text("status");
    }

    /** Signs in through the login form as the browser does; returns the session cookie's value. */
    private String signIn(String username) {
        RawHttp.Reply page = raw.send("GET", "/login", List.of("Accept: text/html"), "");
        String before = cookie(page, "JSESSIONID");
        String form = "username=" + username + "&password=demo12348&_csrf="
                + URLEncoder.encode(LoginThrottlingTest.csrfOf(page.text()), StandardCharsets.UTF_8);
        RawHttp.Reply signedIn = raw.send("POST", "/login", List.of("Cookie: JSESSIONID=" + before,
                "Content-Type: application/x-www-form-urlencoded", "Origin: http://127.0.0.1:" + port), form);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers("Location")).noneMatch(location -> location.contains("error"));
        return cookie(signedIn, "JSESSIONID");
    }

    private static String cookie(RawHttp.Reply reply, String name) {
        return reply.headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + reply.text()));
    }

    private static List<String> concat(List<String> headers, String... more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of(more));
        return all;
    }

    private static String basicOf(String user) {
        return "Authorization: Basic " + base64(user + ":demo12348");
    }

    private static String base64(String credentials) {
        return java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
