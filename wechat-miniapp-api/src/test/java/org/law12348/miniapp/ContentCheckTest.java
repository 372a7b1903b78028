package org.law12348.miniapp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentCheckTest extends MiniappTestSupport {

    @Test
    void aWechatQuestionWechatJudgesRiskyIsRefusedAndNoTicketIsCreated() {
        String token = wechatCitizen();

        Response r = post("/api/v1/miniapp/questions", token, unique("m"),
                "{\"regionCode\":\"440106\",\"text\":\"" + FakeWechat.RISKY_WORD + "是否违法？\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("content.rejected");
        assertThat(r.body().path("field").asText()).isEqualTo("text");
        assertThat(r.body().path("detail").asText()).contains("违法违规");
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("total").asLong()).isZero();
    }

    @Test
    void theCheckIsVersion2WithTheCitizensOpenId() {
        String openId = unique("o6_checked");
        String token = wechatSignIn(openId);

        ask(token, "合同纠纷应该去哪个法院起诉？");

        assertThat(wechat.contentChecks()).hasSize(1);
        assertThat(wechat.contentChecks().get(0).path("openid").asText()).isEqualTo(openId);
        assertThat(wechat.contentChecks().get(0).path("version").asInt()).isEqualTo(2);
        assertThat(wechat.contentChecks().get(0).path("content").asText()).isEqualTo("合同纠纷应该去哪个法院起诉？");
    }

    @Test
    void whenTheCheckCannotRunTheQuestionWaitsRatherThanSkippingIt() {
        String token = wechatCitizen();
        wechat.busyFor(10);

        Response r = post("/api/v1/miniapp/questions", token, unique("m"),
                "{\"regionCode\":\"440106\",\"text\":\"工伤认定需要哪些材料？\"}");

        assertThat(r.status()).isEqualTo(503);
        wechat.busyFor(0);
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("total").asLong()).isZero();
    }

    @Test
    void alipayQuestionsAreNotSentToWechat() {
        String token = alipayCitizen();

        ask(token, "网购商品有质量问题商家不退货怎么办？");

        assertThat(wechat.contentChecks()).isEmpty();
    }

    @Test
    void fetchesANewAccessTokenWhenWechatInvalidatedTheOldOne() {
        String token = wechatCitizen();
        wechat.invalidateAccessToken();

        Response r = post("/api/v1/miniapp/questions", token, unique("m"),
                "{\"regionCode\":\"440106\",\"text\":\"签了竞业协议没给补偿还有效吗？\"}");

        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void answers503WhenWechatRefusesOurServersAccessTokenRequests() {
        String token = wechatCitizen();
        wechat.invalidateAccessToken();
        wechat.refuseTokenRequestsWith(40164);

        Response r = post("/api/v1/miniapp/questions", token, unique("m"),
                "{\"regionCode\":\"440106\",\"text\":\"签了竞业协议没给补偿还有效吗？\"}");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().path("detail").asText()).contains("微信服务繁忙");
        wechat.refuseTokenRequestsWith(null);
    }
}
