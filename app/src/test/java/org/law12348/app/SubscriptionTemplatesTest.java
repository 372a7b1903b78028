package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The WeChat subscription templates of a deployment that has configured none (the embedded default). */
@CitizenFacingApp
class SubscriptionTemplatesTest {

    @LocalServerPort
    int port;

    /** Issue 17, item 9: answered 200 with three blank template ids, which the client passed to WeChat. */
    @Test
    void withNoTemplateConfiguredTheAnswerIsAProblemSayingSo() {
        HttpApi.Answer answer = new HttpApi(port).get("/api/v1/miniapp/wechat/subscription-templates");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.text("code")).isEqualTo("miniapp.templates.not-configured");
        assertThat(answer.text("detail")).contains("尚未开通");
    }
}
