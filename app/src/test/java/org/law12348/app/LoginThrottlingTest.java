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

/**
 * Failed sign-ins are limited per account and client address (here 3 per 15 minutes) and per client
 * address (20 account guesses per 15 minutes, failed sign-ins and sign-ups for taken usernames alike).
 */
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
                "guessed-5", "guessed-6", "guessed-7", "guessed-8", "guessed-9", "guessed-10", "guessed-11",
                "own-1", "own-2", "form-user"}) {
            if (!accounts.existsById(name)) {
                accounts.save(new StaffAccount(name, passwords.encode(PASSWORD), name, StaffRole.DISPATCHER, null));
            }
        }
    }

    /**
     * Issue 17, security 5: failing on purpose locked the account for everybody. The failing address
     * is held up for that account; its owner, from anywhere else, signs in.
     */
    @Test
    void failuresFromOneAddressHoldUpOnlyThatAddressWhileTheOwnerSignsInFromAnother() {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("victim", "wrong", "198.51.100.1").status()).isEqualTo(401);
        }

        HttpApi.Answer refused = basic("victim", PASSWORD, "198.51.100.1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.text("code")).isEqualTo("login.throttled");
        assertThat(refused.text("detail")).isEqualTo("登录失败次数过多，请15分钟后再试");
        assertThat(retryAfter(refused)).isBetween(14 * 60L, 15 * 60L);
        assertThat(basic("victim", PASSWORD, "198.51.100.2").status())
                .as("the owner, from another address").isEqualTo(200);
        assertThat(basic("own-1", PASSWORD, "198.51.100.1").status())
                .as("another account from the failing address").isEqualTo(200);
    }

    @Test
    void anAddressGuessingAtManyAccountsIsRefusedAndItsOwnSuccessDoesNotResetTheCount() {
        String address = "198.51.100.20";
        for (int i = 1; i <= 10; i++) {
            assertThat(basic("guessed-" + i, "wrong", address).status()).isEqualTo(401);
            if (i == 5) {
                assertThat(basic("attacker", PASSWORD, address).status()).isEqualTo(200);
            }
            assertThat(basic("guessed-" + i, "wrong", address).status()).isEqualTo(401);
        }

        assertThat(basic("attacker", PASSWORD, address).status()).isEqualTo(429);
        assertThat(basic("guessed-11", PASSWORD, address).status()).isEqualTo(429);
        assertThat(basic("guessed-1", PASSWORD, "198.51.100.21").status())
                .as("each guessed account failed only twice, from one address").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsItsAccountsCountFromThatAddress() {
        String address = "198.51.100.30";
        assertThat(basic("own-2", "wrong", address).status()).isEqualTo(401);
        assertThat(basic("own-2", "wrong", address).status()).isEqualTo(401);
        assertThat(basic("own-2", PASSWORD, address).status()).isEqualTo(200);
        assertThat(basic("own-2", "wrong", address).status()).isEqualTo(401);
        assertThat(basic("own-2", "wrong", address).status()).isEqualTo(401);
        assertThat(basic("own-2", PASSWORD, address).status()).isEqualTo(200);
    }

    /**
     * Issue 17, security 5: registration told anyone, for any form however incomplete, which usernames
     * exist. It now says so only for an otherwise valid sign-up, and each such answer spends the
     * address's budget of account guesses.
     */
    @Test
    void signUpTellsAUsernameIsTakenOnlyForAValidApplicationAndCountsItAsAGuess() {
        HttpApi.Answer incomplete = signUp("victim", "short", "198.51.100.50");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.text("field")).isEqualTo("password");
        assertThat(incomplete.raw().body()).doesNotContain("username");

        String address = "198.51.100.51";
        HttpApi.Answer taken = signUp("victim", PASSWORD, address);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.text("field")).isEqualTo("username");
        assertThat(taken.text("code")).isEqualTo("username.unavailable");
        // the taken name was the first of the address's 20 account guesses; failed sign-ins spend the other 19
        for (int i = 1; i <= 19; i++) {
            assertThat(basic("guessed-" + (i % 10 + 1), "wrong", address).status()).isEqualTo(401);
        }

        assertThat(basic("own-1", PASSWORD, address).status()).as("the sign-up counted").isEqualTo(429);
        HttpApi.Answer refused = signUp("fresh-volunteer", PASSWORD, address);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("registration.throttled");
        assertThat(retryAfter(refused)).isBetween(14 * 60L, 15 * 60L);
        assertThat(signUp("fresh-volunteer", PASSWORD, "198.51.100.52").status()).isEqualTo(201);
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
        assertThat(browser.get("/api/v1/staff/tickets", "X-Forwarded-For", address).status())
                .as("the refused attempt did not sign in").isIn(302, 401);
    }

    private HttpApi.Answer signUp(String user, String password, String address) {
        return api.post("/api/v1/consultant-registrations", HttpApi.json(java.util.Map.of(
                "username", user, "password", password, "displayName", "志愿者",
                "application", java.util.Map.of("qualification", "GRASSROOTS_LEGAL_WORKER",
                        "licenceNumber", "GD-2024-000042", "regionCode", "440100",
                        "businessTypes", java.util.List.of("LEGAL_CONSULTATION"), "categories", java.util.List.of("LABOR")))),
                "X-Forwarded-For", address);
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
