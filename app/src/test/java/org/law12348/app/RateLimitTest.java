package org.law12348.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public endpoints answer 429 with Retry-After once a client address exceeds its rate (here 3 or 2 per hour). */
@LowLimitsApp
class RateLimitTest {

    @LocalServerPort
    int port;
    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void intakeRefusesTheFourthTicketFromOneAddressButNotFromAnother() {
        for (int i = 0; i < 3; i++) {
            assertThat(intake("203.0.113.1").status()).isEqualTo(201);
        }

        HttpApi.Answer refused = intake("203.0.113.1");

        assertRateLimited(refused);
        assertThat(intake("203.0.113.2").status()).isEqualTo(201);
    }

    @Test
    void anEncodedPathIsCountedLikeThePlainOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(intake("203.0.113.5").status()).isEqualTo(201);
        }
        HttpApi.Answer disguised = api.post("/api/v1/ticket%73", ticket(), "X-Forwarded-For", "203.0.113.5");
        assertThat(disguised.status()).isEqualTo(429);
    }

    @Test
    void searchAndSuggestShareOneAllowancePerAddress() {
        assertThat(api.get("/api/v1/kb/search?q=%E5%B7%A5%E8%B5%84", "X-Forwarded-For", "203.0.113.10").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/kb/suggest?q=%E5%B7%A5", "X-Forwarded-For", "203.0.113.10").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/kb/search?q=%E7%A6%BB%E5%A9%9A", "X-Forwarded-For", "203.0.113.10").status())
                .isEqualTo(200);

        assertRateLimited(api.get("/api/v1/kb/suggest?q=%E7%A6%BB", "X-Forwarded-For", "203.0.113.10"));
        assertThat(api.get("/api/v1/kb/search?q=%E5%B7%A5%E8%B5%84", "X-Forwarded-For", "203.0.113.11").status())
                .isEqualTo(200);
    }

    @Test
    void miniProgramSignInIsLimitedPerAddress() {
        String body = HttpApi.json(Map.of("code", "071abcDEF"));
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/v1/miniapp/wechat/sessions", body, "X-Forwarded-For", "203.0.113.20").status())
                    .as("not throttled (WeChat is not configured here: 503)").isNotEqualTo(429);
        }
        assertRateLimited(api.post("/api/v1/miniapp/alipay/sessions", HttpApi.json(Map.of("authCode", "abc")),
                "X-Forwarded-For", "203.0.113.20"));
        assertRateLimited(api.post("/api/v1/miniapp/wechat/phone", body, "X-Forwarded-For", "203.0.113.20"));
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        // [::1] is not in law12348.security.trusted-proxies: each request claims another client, in vain
        HttpApi untrusted = new HttpApi("http://[::1]:" + port, false);
        for (int i = 0; i < 3; i++) {
            assertThat(untrusted.post("/api/v1/tickets", ticket(), "X-Forwarded-For", "192.0.2." + i).status())
                    .isEqualTo(201);
        }
        assertRateLimited(untrusted.post("/api/v1/tickets", ticket(), "X-Forwarded-For", "192.0.2.99"));
    }

    private HttpApi.Answer intake(String address) {
        return api.post("/api/v1/tickets", ticket(), "X-Forwarded-For", address);
    }

    private static String ticket() {
        return HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "公司拖欠工资三个月，想申请法律援助。"));
    }

    private static void assertRateLimited(HttpApi.Answer answer) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.text("code")).isEqualTo("rate.limited");
        assertThat(answer.text("detail")).startsWith("请求过于频繁");
        long retryAfter = Long.parseLong(answer.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
    }
}
