package org.law12348.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.app.LowLimitsApp;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's JSON sign-in as a browser uses it: the CSRF cookie from reading the session, the
 * header on every write, the session after sign-in, the login throttle, and sign-out.
 */
@LowLimitsApp
class WorkspaceSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "right-password-1";

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    private final CookieManager cookies = new CookieManager();
    private HttpClient browser;

    @BeforeEach
    void accounts() {
        browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        for (String name : new String[]{"ws-dispatcher", "ws-throttled"}) {
            if (!accounts.existsById(name)) {
                accounts.save(new StaffAccount(name, passwords.encode(PASSWORD), "工作台调度员", StaffRole.DISPATCHER, null));
            }
        }
    }

    @Test
    void readingTheSessionSetsTheCsrfCookieAndSaysNobodyIsSignedIn() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/session", null, false, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("signedIn").asBoolean(true)).isFalse();
        assertThat(csrf()).isNotBlank();
    }

    @Test
    void signsInWithTheTokenNamesTheRoleAndSignsOut() throws Exception {
        send("GET", "/api/v1/session", null, false, null);
        String before = csrf();

        HttpResponse<String> signedIn = send("POST", "/api/v1/session", form("ws-dispatcher", PASSWORD), true, null);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        JsonNode me = json(signedIn);
        assertThat(me.path("signedIn").asBoolean()).isTrue();
        assertThat(me.path("username").asText()).isEqualTo("ws-dispatcher");
        assertThat(me.path("displayName").asText()).isEqualTo("工作台调度员");
        assertThat(me.path("role").asText()).isEqualTo("DISPATCHER");
        assertThat(csrf()).as("the token is renewed at sign-in").isNotEqualTo(before);
        assertThat(send("GET", "/api/v1/staff/tickets", null, false, null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/api/v1/session", null, false, null)).path("role").asText()).isEqualTo("DISPATCHER");

        assertThat(send("DELETE", "/api/v1/session", null, true, null).statusCode()).isEqualTo(204);
        HttpResponse<String> after = send("GET", "/api/v1/staff/tickets", null, false, "XMLHttpRequest");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate"))
                .as("a page's script is not answered with a challenge the browser would prompt for").isEmpty();
        assertThat(send("GET", "/api/v1/staff/tickets", null, false, null).headers().firstValue("WWW-Authenticate"))
                .as("nor is any other request: a browser must never be asked for Basic credentials (issue 17)")
                .isEmpty();
    }

    @Test
    void aSignInForgedByAnotherSiteWithoutTheHeaderIsRefused() throws Exception {
        send("GET", "/api/v1/session", null, false, null);

        HttpResponse<String> forged = send("POST", "/api/v1/session", form("ws-dispatcher", PASSWORD), false, null);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).path("code").asText()).isEqualTo("csrf.invalid");
        assertThat(json(send("GET", "/api/v1/session", null, false, null)).path("signedIn").asBoolean()).isFalse();
    }

    @Test
    void aWrongPasswordOrAMissingFieldIsSaidInChinese() throws Exception {
        send("GET", "/api/v1/session", null, false, null);

        HttpResponse<String> wrong = send("POST", "/api/v1/session", form("ws-dispatcher", "wrong"), true, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("detail").asText()).isEqualTo("用户名或密码错误，请重新输入");

        HttpResponse<String> blank = send("POST", "/api/v1/session", "username=&password=x", true, null);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).path("field").asText()).isEqualTo("username");
    }

    /** Pins the hole a JSON sign-in would open beside the form's: unlimited password guessing. */
    @Test
    void failedSignInsAreThrottledLikeTheForm() throws Exception {
        send("GET", "/api/v1/session", null, false, null);
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/session", form("ws-throttled", "wrong"), true, null, "198.51.100.77")
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = send("POST", "/api/v1/session", form("ws-throttled", PASSWORD), true, null,
                "198.51.100.77");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).path("code").asText()).isEqualTo("login.throttled");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(send("POST", "/api/v1/session", form("ws-throttled", PASSWORD), true, null, "198.51.100.78")
                .statusCode()).as("the owner, from another address, is not locked out (issue 17)").isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String form, boolean withToken, String requestedWith,
                                      String... forwardedFor) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (withToken) {
            request.header("X-XSRF-TOKEN", csrf());
        }
        if (requestedWith != null) {
            request.header("X-Requested-With", requestedWith);
        }
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor[0]);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private static String form(String username, String password) {
        return "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        return JSON.readTree(answer.body());
    }
}
