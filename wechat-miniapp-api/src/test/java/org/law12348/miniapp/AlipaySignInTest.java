package org.law12348.miniapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class AlipaySignInTest extends MiniappTestSupport {

    @Test
    void signsInWithTheAuthCodeThroughTheSignedGateway() {
        String code = unique("authcode");
        alipay.authCode(code, "2088102150477652");

        Response r = post("/api/v1/miniapp/alipay/sessions", null, null, "{\"authCode\":\"" + code + "\"}");

        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().path("channel").asText()).isEqualTo("ALIPAY");
        String token = r.body().path("token").asText();
        String number = ask(token, "租房合同未到期房东要收房怎么办？");
        assertThat(get("/api/v1/miniapp/tickets/" + number, token).body().path("channel").asText())
                .isEqualTo("ALIPAY");
    }

    @Test
    void refusesAnAuthCodeAlipayDoesNotKnow() {
        Response r = post("/api/v1/miniapp/alipay/sessions", null, null, "{\"authCode\":\"4b203fe6c11548bcabd8da5bb087a83b\"}");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo("signIn.codeInvalid");
        assertThat(r.body().path("detail").asText()).contains("授权码无效");
    }

    @Test
    void refusesAnAnswerAlipayDidNotSign() {
        String code = unique("authcode");
        alipay.authCode(code, "2088102150477653");
        alipay.forgeNextResponse();

        Response r = post("/api/v1/miniapp/alipay/sessions", null, null, "{\"authCode\":\"" + code + "\"}");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.body().path("code").asText()).isEqualTo("channel.platformError");
    }

    @Test
    void answers503WithAChineseProblemWhenTheGatewayTakesLongerThanTheReadTimeout() {
        String code = unique("authhang");
        alipay.authCode(code, "2088102150477654");
        alipay.hang(FakeAlipay.SIGN_IN, 1);

        Response r = post("/api/v1/miniapp/alipay/sessions", null, null, "{\"authCode\":\"" + code + "\"}");

        // answered before the fake's late answer: the configured read timeout, not the SDK's, gave up
        assertThat(alipay.hungCalls(FakeAlipay.SIGN_IN)).isEqualTo(1);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body().path("code").asText()).isEqualTo("channel.busy");
        assertThat(r.body().path("detail").asText()).isEqualTo("支付宝服务响应超时，请稍后重试");
        assertThat(r.raw().headers().firstValue("Retry-After")).contains("30");
        alipay.reset();
    }

    @Test
    void bindsThePhoneNumberFromTheEncryptedSignedPayload() throws Exception {
        String token = alipayCitizen();

        Response r = post("/api/v1/miniapp/alipay/phone", token, null,
                JSON.createObjectNode().put("response", alipay.phonePayload("13912345678")).toString());

        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().path("phone").asText()).isEqualTo("139****5678");
    }

    @Test
    void refusesAPhonePayloadWithAForgedSignature() throws Exception {
        String token = alipayCitizen();
        ObjectNode payload = (ObjectNode) JSON.readTree(alipay.phonePayload("13912345678"));
        ObjectNode other = (ObjectNode) JSON.readTree(alipay.phonePayload("13800000000"));
        payload.put("sign", other.path("sign").asText());

        Response r = post("/api/v1/miniapp/alipay/phone", token, null,
                JSON.createObjectNode().put("response", payload.toString()).toString());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("phone.payloadInvalid");
    }

    @Test
    void aWechatSessionCannotBindAnAlipayPhone() throws Exception {
        Response r = post("/api/v1/miniapp/alipay/phone", wechatCitizen(), null,
                JSON.createObjectNode().put("response", alipay.phonePayload("13912345678")).toString());

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void theAlipaySdksOwnLoggersThatWriteTokensAreSilenced() {
        assertThat(LoggerFactory.getLogger("sdk.biz.info").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("sdk.biz.err").isErrorEnabled()).isFalse();
    }
}
