package org.law12348.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins are limited (here 3 per 15 minutes) per account and per client address. */
@LowLimitsApp
class LoginThrottlingTest {

    private static final String PASSWORD = "right-password-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    HttpApi api;

    @BeforeEach
    void staff() {
        api = new HttpApi(port);
        for (String name : new String[] {"victim", "attacker", "guessed-1", "guessed-2", "guessed-3", "guessed-4",
                "own-1", "own-2", "form-user"}) {
            if (!accounts.existsById(name)) {
                accounts.save(new StaffAccount(name, passwords.encode(PASSWORD), name, StaffRole.DISPATCHER, null));
            }
        }
    }

    @Test
    void anAccountFailedTooOftenIsRefusedWith429EvenWithTheRightPasswordAndFromAnotherAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("victim", "wrong", "198.51.100.1").status()).isEqualTo(401);
        }

        HttpApi.Answer refused = basic("victim", PASSWORD, "198.51.100.2");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.text("code")).isEqualTo("login.throttled");
        assertThat(refused.text("detail")).isEqualTo("登录失败次数过多，请15分钟后再试");
        assertThat(retryAfter(refused)).isBetween(14 * 60L, 15 * 60L);
        assertThat(basic("own-1", PASSWORD, "198.51.100.2").status())
                .as("another account from the second address is not affected").isEqualTo(200);
    }

    @Test
    void anAddressGuessingAtManyAccountsIsRefusedAndItsOwnSuccessDoesNotResetTheCount() {
        String address = "198.51.100.20";
        assertThat(basic("guessed-1", "wrong", address).status()).isEqualTo(401);
        assertThat(basic("guessed-2", "wrong", address).status()).isEqualTo(401);
        assertThat(basic("attacker", PASSWORD, address).status()).isEqualTo(200);
        assertThat(basic("guessed-3", "wrong", address).status()).isEqualTo(401);

        assertThat(basic("attacker", PASSWORD, address).status()).isEqualTo(429);
        assertThat(basic("guessed-4", PASSWORD, address).status()).isEqualTo(429);
        assertThat(basic("guessed-4", PASSWORD, "198.51.100.21").status())
                .as("the guessed account itself failed only once").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsOnlyItsAccountsCount() {
        assertThat(basic("own-2", "wrong", "198.51.100.30").status()).isEqualTo(401);
        assertThat(basic("own-2", "wrong", "198.51.100.31").status()).isEqualTo(401);
        assertThat(basic("own-2", PASSWORD, "198.51.100.32").status()).isEqualTo(200);
        assertThat(basic("own-2", "wrong", "198.51.100.33").status()).isEqualTo(401);
        assertThat(basic("own-2", "wrong", "198.51.100.34").status()).isEqualTo(401);
        assertThat(basic("own-2", PASSWORD, "198.51.100.35").status()).isEqualTo(200);
    }

    @Test
    void theLoginFormShowsHowLongToWaitWith429AfterTooManyFailures() {
        HttpApi browser = new HttpApi(port, true);
        String address = "198.51.100.40";
        String csrf = csrfOf(browser.get("/login", "X-Forwarded-For", address).raw().body());
        for (int i = 0; i < 3; i++) {
            HttpApi.Answer failed = form(browser, "form-user", "wrong", csrf, address);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.raw().headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }

        HttpApi.Answer refused = form(browser, "form-user", PASSWORD, csrf, address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(14 * 60L, 15 * 60L);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.raw().body()).contains("登录失败次数过多，请 15 分钟后再试").contains("name=\"username\"");
        assertThat(browser.get("/console", "X-Forwarded-For", address).status())
                .as("the refused attempt did not sign in").isIn(302, 401);
    }

    private HttpApi.Answer basic(String user, String password, String address) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.get("/api/v1/staff/tickets", "Authorization", "Basic " + token, "X-Forwarded-For", address);
    }

    private static HttpApi.Answer form(HttpApi browser, String user, String password, String csrf, String address) {
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        return browser.postRaw("/login", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
                "X-Forwarded-For", address);
    }

    static String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long retryAfter(HttpApi.Answer answer) {
        return Long.parseLong(answer.raw().headers().firstValue("Retry-After").orElseThrow());
    }
}
