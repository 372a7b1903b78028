package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The error path, requested as any other address. */
@CitizenFacingApp
class ErrorPathTest {

    @LocalServerPort
    int port;

    /** Issue 17, item 9: GET /error answered 500. */
    @Test
    void requestingTheErrorPathItselfAnswersNotFoundAsAPageOrAProblem() {
        HttpApi api = new HttpApi(port);

        HttpApi.Answer page = api.get("/error", "Accept", "text/html");
        HttpApi.Answer json = api.get("/error", "Accept", "application/json");
        HttpApi.Answer any = api.get("/error");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.raw().body()).contains("页面或工单不存在");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.text("code")).isEqualTo("resource.notFound");
        assertThat(json.text("detail")).isEqualTo("请求的地址不存在");
        assertThat(any.status()).isEqualTo(404);
    }
}
