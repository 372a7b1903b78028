package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent to the citizen app's privacy notice, recorded and withdrawn (PIPL): anonymous on the web, under
 * the session's account in the mini-programs, where withdrawing deletes the account and asks for its
 * tickets to be erased; and the mini-program citizen's own erasure request for all their tickets.
 */
class ConsentTest extends MiniappTestSupport {

    static final String CONSENTS = "/api/v1/citizen/consents";
    static final String ERASURE = "/api/v1/miniapp/erasure-requests";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void recordsAnAnonymousConsentOnTheWebWithoutAnythingThatNamesTheCitizen() {
        Response recorded = post(CONSENTS, null, null, "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"WEB\"}");

        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        String id = recorded.body().path("consentId").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(recorded.body().path("recordedAt").asText()).isNotBlank();
        Map<String, Object> row = jdbc.queryForMap("select * from citizen_consent where id = ?", id);
        assertThat(row).containsEntry("NOTICE_VERSION", "2026-12-06").containsEntry("CHANNEL", "WEB")
                .containsEntry("ACCOUNT_ID", null).containsEntry("WITHDRAWN_AT", null);
        assertThat(row.keySet()).containsExactlyInAnyOrder("ID", "NOTICE_VERSION", "CHANNEL", "ACCOUNT_ID",
                "RECORDED_AT", "WITHDRAWN_AT");
    }

    @Test
    void refusesAnUnknownNoticeVersionABadChannelAndAMissingBodyNamingTheField() {
        Response unknown = post(CONSENTS, null, null, "{\"noticeVersion\":\"2020-01-01\",\"channel\":\"WEB\"}");
        Response badChannel = post(CONSENTS, null, null, "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"PHONE\"}");
        Response missing = post(CONSENTS, null, null, null);
        Response notJson = post(CONSENTS, null, null, "{\"noticeVersion\":");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("code").asText()).isEqualTo("noticeVersion.unknown");
        assertThat(unknown.body().path("field").asText()).isEqualTo("noticeVersion");
        assertThat(unknown.body().path("detail").asText()).contains("个人信息保护说明");
        assertThat(unknown.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body().path("field").asText()).isEqualTo("channel");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("field").asText()).isEqualTo("noticeVersion");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from citizen_consent where notice_version = '2020-01-01'",
                Integer.class)).isZero();
    }

    @Test
    void aSessionBindsTheConsentToItsAccountOnTheChannelItSignedInOn() {
        String openId = unique("o6_consent");
        String token = wechatSignIn(openId);

        Response mismatch = post(CONSENTS, token, null, "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"ALIPAY\"}");
        String id = recordWith(token, "WECHAT");

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().path("field").asText()).isEqualTo("channel");
        assertThat(jdbc.queryForObject("select account_id from citizen_consent where id = ?", Long.class, id))
                .isEqualTo(accountOf(openId));
        assertThat(post(CONSENTS, "not-a-session", null, "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"WECHAT\"}")
                .status()).isEqualTo(401);
    }

    @Test
    void theWebWithdrawsItsConsentByIdOnceAndTheRowStaysAsProof() {
        String id = recordWith(null, "WEB");

        Response withdrawn = delete(CONSENTS + "/" + id, null);
        Response again = delete(CONSENTS + "/" + id, null);
        Response unknown = delete(CONSENTS + "/" + UUID.randomUUID(), null);
        Response malformed = delete(CONSENTS + "/x'%20or%20'1'='1", null);

        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select withdrawn_at is not null from citizen_consent where id = ?",
                Boolean.class, id)).isTrue();
        for (Response notFound : new Response[] {again, unknown, malformed}) {
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.body().path("code").asText()).isEqualTo("consent.notFound");
            assertThat(notFound.body().path("detail").asText()).isEqualTo("同意记录不存在或已撤回");
        }
    }

    @Test
    void anotherCitizensSessionCannotWithdrawSomeoneElsesConsent() {
        String owner = wechatCitizen();
        String id = recordWith(owner, "WECHAT");
        String stranger = alipayCitizen();

        assertThat(delete(CONSENTS + "/" + id, stranger).status()).isEqualTo(404);
        assertThat(delete(CONSENTS + "/" + id, null).status()).isEqualTo(404);
        assertThat(delete(CONSENTS + "/current", stranger).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select withdrawn_at is null from citizen_consent where id = ?", Boolean.class,
                id)).as("the stranger withdrew only their own").isTrue();
        assertThat(get("/api/v1/miniapp/tickets", owner).status()).isEqualTo(200);

        assertThat(delete(CONSENTS + "/" + id, owner).status()).isEqualTo(204);
    }

    @Test
    void withdrawingInAMiniProgramDeletesTheAccountAndAsksForItsTicketsToBeErased() {
        String openId = unique("o6_withdrawn");
        String token = wechatSignIn(openId);
        String consent = recordWith(token, "WECHAT");
        String first = ask(token, "公司拖欠工资三个月，我该怎么办？");
        String second = ask(token, "劳动仲裁需要准备哪些材料？");
        String bystander = ask(wechatCitizen(), "邻居装修噪音扰民怎么办？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        long account = accountOf(openId);

        Response withdrawn = delete(CONSENTS + "/current", token);

        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from miniapp_citizen where id = ?", Integer.class, account))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from miniapp_send_grant where citizen_id = ?", Integer.class,
                account)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from miniapp_client_message where citizen_id = ?",
                Integer.class, account)).isZero();
        assertThat(get("/api/v1/miniapp/tickets", token).status()).as("the session ends with its account")
                .isEqualTo(401);
        assertThat(jdbc.queryForMap("select account_id, withdrawn_at from citizen_consent where id = ?", consent))
                .satisfies(row -> {
                    assertThat(row.get("ACCOUNT_ID")).isNull();
                    assertThat(row.get("WITHDRAWN_AT")).isNotNull();
                });
        assertThat(erasureRequests(first)).isEqualTo(1);
        assertThat(erasureRequests(second)).isEqualTo(1);
        assertThat(erasureRequests(bystander)).isZero();
        assertThat(get("/api/v1/miniapp/tickets", wechatSignIn(openId)).body().path("total").asLong())
                .as("tickets stay until an administrator erases them").isEqualTo(2);
        assertThat(delete(CONSENTS + "/current", null).status()).isEqualTo(401);
    }

    @Test
    void aMiniProgramCitizenAsksForErasureOfAllTheirTicketsOnce() {
        String token = alipayCitizen();
        Response nothing = post(ERASURE, token, null, null);
        String first = ask(token, "租房押金不退怎么办？");
        String second = ask(token, "物业费可以拒交吗？");

        Response requested = post(ERASURE, token, null, "{\"note\":\"请删除我的个人信息\"}");
        Response repeated = post(ERASURE, token, null, "{}");

        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.body().path("status").asText()).isEqualTo("NOTHING_TO_ERASE");
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(202);
        assertThat(requested.body().path("tickets").findValuesAsText("ticketNumber"))
                .containsExactlyInAnyOrder(first, second);
        assertThat(requested.body().path("message").asText()).contains("核实身份");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("tickets").findValuesAsText("requestedAt"))
                .isEqualTo(requested.body().path("tickets").findValuesAsText("requestedAt"));
        assertThat(erasureRequests(first)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_entry where ticket_number = ? "
                + "and action = 'CITIZEN_ERASURE_REQUESTED'", String.class, first)).endsWith("：请删除我的个人信息");
        assertThat(post(ERASURE, null, null, null).status()).isEqualTo(401);
        Response tooLong = post(ERASURE, token, null, "{\"note\":\"" + "删".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("field").asText()).isEqualTo("note");
    }

    private String recordWith(String token, String channel) {
        Response recorded = post(CONSENTS, token, null,
                "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"" + channel + "\"}");
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded.body().path("consentId").asText();
    }

    private Response delete(String path, String token) {
        return send(request(path, token, null).DELETE().build());
    }

    private long accountOf(String openId) {
        return jdbc.queryForObject("select id from miniapp_citizen where wechat_openid_hash = ?", Long.class,
                cipher.blindIndex(openId));
    }

    private int erasureRequests(String number) {
        return jdbc.queryForObject("select count(*) from audit_entry where ticket_number = ? "
                + "and action = 'CITIZEN_ERASURE_REQUESTED'", Integer.class, number);
    }
}
