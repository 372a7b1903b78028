package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpHeaders;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages and the API carry the security headers; the pages themselves keep to the content security policy. */
@LowLimitsApp
class SecurityHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/track", "/login", "/api/v1/regions", "/no-such-page", "/css/portal.css"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        HttpHeaders headers = new HttpApi(port).get(path).raw().headers();

        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
                .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void signedInPagesCarryThemToo() {
        HttpHeaders headers = new HttpApi(port).get("/workspace/queue", HttpApi.basic("dispatcher")).raw().headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/workspace/", "/workspace/queue", "/workspace/pool",
            "/workspace/admin/units", "/workspace/admin/routing"})
    void pagesHaveNoInlineScriptsOrEventHandlers(String path) {
        String user = path.startsWith("/consultant") ? "consultant" : "admin";
        HttpApi.Answer page = new HttpApi(port).get(path, HttpApi.basic(user));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).doesNotContainPattern(INLINE_SCRIPT).doesNotContainPattern(INLINE_HANDLER);
    }

    @Test
    void camundasWebAppsKeepTheirOwnPolicy() {
        HttpHeaders headers = new HttpApi(port).get("/camunda/app/welcome/default/", HttpApi.basic("admin")).raw().headers();
        assertThat(headers.allValues("Content-Security-Policy"))
                .doesNotContain(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }
}
