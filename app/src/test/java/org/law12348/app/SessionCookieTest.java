package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff session cookie's attributes, directly and behind a TLS-terminating proxy. */
@CitizenFacingApp
class SessionCookieTest {

    @LocalServerPort
    int port;

    private static String sessionCookie(HttpApi.Answer answer) {
        List<String> cookies = answer.raw().headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    /** Issue 17, item 9: the session cookie had no SameSite attribute. */
    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        String cookie = sessionCookie(new HttpApi(port).get("/login"));

        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    /** Issue 17, item 9: behind a proxy that terminates TLS the session cookie was sent without Secure. */
    @Test
    void behindATrustedProxyThatTerminatesTlsTheSessionCookieIsSecure() {
        String cookie = sessionCookie(new HttpApi(port).get("/login", "X-Forwarded-Proto", "https"));

        assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotClaimHttps() {
        HttpApi direct = new HttpApi("http://[::1]:" + port, false);

        assertThat(sessionCookie(direct.get("/login", "X-Forwarded-Proto", "https"))).doesNotContain("Secure");
    }
}
