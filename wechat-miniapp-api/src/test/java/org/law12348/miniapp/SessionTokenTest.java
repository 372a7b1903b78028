package org.law12348.miniapp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTokenTest extends MiniappTestSupport {

    @Test
    void refusesACallWithoutAToken() {
        Response r = get("/api/v1/miniapp/tickets", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo("session.missing");
        assertThat(r.body().path("detail").asText()).isEqualTo("请先登录");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = wechatCitizen();
        clock.advance(Duration.ofHours(2).plusSeconds(1));

        Response r = get("/api/v1/miniapp/tickets", token);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo("session.expired");
        assertThat(r.body().path("detail").asText()).contains("登录已过期");
    }

    @Test
    void refusesATokenNamingAnotherCitizen() {
        String token = wechatCitizen();
        String[] parts = token.split("\\.");
        parts[1] = String.valueOf(Long.parseLong(parts[1]) + 1);

        Response r = get("/api/v1/miniapp/tickets", String.join(".", parts));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo("session.invalid");
    }

    @Test
    void refusesATokenWithAnExtendedExpiry() {
        String token = wechatCitizen();
        String[] parts = token.split("\\.");
        parts[3] = String.valueOf(Long.parseLong(parts[3]) + 86_400);

        assertThat(get("/api/v1/miniapp/tickets", String.join(".", parts)).status()).isEqualTo(401);
    }

    @Test
    void refusesGarbage() {
        assertThat(get("/api/v1/miniapp/tickets", "eyJhbGciOiJub25lIn0.e30.").status()).isEqualTo(401);
    }
}
