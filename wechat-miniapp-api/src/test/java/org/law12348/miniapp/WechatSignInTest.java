package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class WechatSignInTest extends MiniappTestSupport {

    @Autowired
    TicketIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void storesTheOpenIdEncryptedAndFindsTheCitizenByItsBlindIndex() {
        String openId = unique("o6_atRest");
        String token = wechatSignIn(openId);
        String number = ask(token, "邻居装修噪音扰民，物业不管怎么办？");

        Map<String, Object> citizen = jdbc.queryForMap(
                "select * from miniapp_citizen where wechat_openid_hash = ?", cipher.blindIndex(openId));
        assertThat(citizen.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(openId));
        assertThat(cipher.decrypt((String) citizen.get("wechat_openid_enc"))).isEqualTo(openId);
        Map<String, Object> ticket = jdbc.queryForMap("select * from ticket where number = ?", number);
        assertThat(ticket.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(openId));
        assertThat(ticket.get("wechat_openid_hash")).isEqualTo(cipher.blindIndex(openId));
        assertThat(get("/api/v1/miniapp/tickets", wechatSignIn(openId)).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void signsInWithTheLoginCodeAndTheTokenOpensTheApi() {
        String token = wechatCitizen();

        Response tickets = get("/api/v1/miniapp/tickets", token);

        assertThat(tickets.status()).isEqualTo(200);
        assertThat(tickets.body().path("total").asLong()).isZero();
    }

    @Test
    void theSameOpenIdIsTheSameCitizenAtEverySignIn() {
        String openId = unique("o6_sameCitizen");
        String first = wechatSignIn(openId);
        String number = ask(first, "邻居装修噪音扰民，物业不管怎么办？");

        String second = wechatSignIn(openId);

        assertThat(get("/api/v1/miniapp/tickets/" + number, second).status()).isEqualTo(200);
    }

    @Test
    void concurrentFirstSignInsOfOnePersonMakeOneCitizen() throws Exception {
        String openId = unique("o6_race");
        List<Callable<String>> signIns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            signIns.add(() -> wechatSignIn(openId));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<String> citizenIds = new HashSet<>();
        try {
            for (Future<String> token : pool.invokeAll(signIns)) {
                citizenIds.add(token.get().split("\\.")[1]);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(citizenIds).hasSize(1);
    }

    @Test
    void refusesAnInvalidLoginCode() {
        Response r = post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"not-issued-by-wechat\"}");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo("signIn.codeInvalid");
        assertThat(r.body().path("detail").asText()).contains("登录凭证无效");
        assertThat(r.body().path("field").asText()).isEqualTo("code");
    }

    @Test
    void refusesALoginCodeUsedBefore() {
        String code = unique("081used");
        wechat.loginCode(code, unique("o6_used"), null);
        assertThat(post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(200);

        Response again = post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"" + code + "\"}");

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body().path("code").asText()).isEqualTo("signIn.codeUsed");
    }

    @Test
    void answers503WhenWechatStaysBusy() {
        String code = unique("081busy");
        wechat.loginCode(code, unique("o6_busy"), null);
        wechat.busyFor(10);

        Response r = post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"" + code + "\"}");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().path("code").asText()).isEqualTo("channel.busy");
        assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void answers503WithAChineseProblemWhenWechatTakesLongerThanTheReadTimeout() {
        String code = unique("081hang");
        wechat.loginCode(code, unique("o6_hang"), null);
        wechat.hang(FakeWechat.SIGN_IN, 1);

        Response r = post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"" + code + "\"}");

        // answered before the fake's late answer: the configured read timeout, not WxJava's, gave up
        assertThat(wechat.hungCalls(FakeWechat.SIGN_IN)).isEqualTo(1);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body().path("code").asText()).isEqualTo("channel.busy");
        assertThat(r.body().path("detail").asText()).isEqualTo("微信服务响应超时，请稍后重试");
        assertThat(r.raw().headers().firstValue("Retry-After")).contains("30");
        wechat.reset();
    }

    @Test
    void ridesOutOneBusyAnswerThroughWxJavasRetry() {
        String code = unique("081once");
        wechat.loginCode(code, unique("o6_once"), null);
        wechat.busyFor(1);

        Response r = post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"" + code + "\"}");

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void asksForTheCodeWhenItIsMissing() {
        Response r = post("/api/v1/miniapp/wechat/sessions", null, null, "{}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("code");
    }

    @Test
    void aBoundPhoneNumberBringsTheCitizensHotlineTickets() {
        String phone = "139" + String.format("%08d", Math.abs(unique("p").hashCode()) % 100_000_000);
        String hotline = intake.receive(IntakeRequest.fromCall(unique("call-"), "LEGAL_AID", "440106",
                "热线留言：工伤赔偿想申请法律援助", phone)).ticketNumber();
        String token = wechatCitizen();
        assertThat(get("/api/v1/miniapp/tickets/" + hotline, token).status()).isEqualTo(404);
        String phoneCode = unique("phonecode");
        wechat.phoneCode(phoneCode, phone);

        Response bound = post("/api/v1/miniapp/wechat/phone", token, null, "{\"code\":\"" + phoneCode + "\"}");

        assertThat(bound.status()).as(bound.body().toString()).isEqualTo(200);
        assertThat(bound.body().path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        Response list = get("/api/v1/miniapp/tickets", token);
        assertThat(list.body().path("items").findValuesAsText("number")).contains(hotline);
        assertThat(get("/api/v1/miniapp/tickets/" + hotline, token).status()).isEqualTo(200);
    }

    @Test
    void refusesAPhoneCodeWechatDidNotIssue() {
        String token = wechatCitizen();

        Response r = post("/api/v1/miniapp/wechat/phone", token, null, "{\"code\":\"forged\"}");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo("signIn.codeInvalid");
    }
}
