package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: a web submission carries the privacy-notice consent the citizen app recorded
 * ({@code X-Consent-Id}); the ticket keeps which one, a consent unknown, withdrawn or from another channel
 * is refused on the header, and a retry with the same key still makes one ticket.
 */
class WebConsentIntakeTest extends CitizenPostgresApp {

    private static final String QUESTION = HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
            "text", "公司拖欠工资三个月，想申请法律援助。"));

    @Autowired
    JdbcTemplate jdbc;

    private String consent(HttpApi api) {
        HttpApi.Answer recorded = api.post("/api/v1/citizen/consents",
                "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"WEB\"}");
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(201);
        return recorded.text("consentId");
    }

    private String consentOf(String number) {
        return jdbc.queryForObject("select consent_id from ticket where number = ?", String.class, number);
    }

    @Test
    void theTicketKeepsTheConsentItWasSubmittedUnderAndARetryMakesOneTicket() {
        HttpApi api = new HttpApi(port);
        String consentId = consent(api);
        String key = "draft-" + UUID.randomUUID();
        HttpApi.Answer first = api.post("/api/v1/tickets", QUESTION, "Idempotency-Key", key, "X-Consent-Id", consentId);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        HttpApi.Answer retry = api.post("/api/v1/tickets", QUESTION, "Idempotency-Key", key, "X-Consent-Id", consentId);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("number")).isEqualTo(first.text("number"));
        assertThat(jdbc.queryForObject("select count(*) from ticket where consent_id = ?", Integer.class, consentId))
                .isEqualTo(1);
        assertThat(consentOf(first.text("number"))).isEqualTo(consentId);

        // staff reading the ticket never see the id: on the web it is what withdraws the consent
        HttpApi.Answer staffView = api.get("/api/v1/tickets/" + first.text("number"), HttpApi.basic("admin"));
        assertThat(staffView.status()).isEqualTo(200);
        assertThat(staffView.raw().body()).doesNotContain(consentId);

        // clients that send no consent (other integrations, an app that could not record it yet) still submit
        HttpApi.Answer without = api.post("/api/v1/tickets", QUESTION);
        assertThat(without.status()).isEqualTo(201);
        assertThat(consentOf(without.text("number"))).isNull();
    }

    @Test
    void aConsentUnknownWithdrawnOrFromAnotherChannelIsRefusedOnTheHeaderAndMakesNoTicket() {
        HttpApi api = new HttpApi(port);
        String withdrawn = consent(api);
        assertThat(api.request("DELETE", "/api/v1/citizen/consents/" + withdrawn, "application/json", new byte[0])
                .status()).isEqualTo(204);
        String miniProgram = UUID.randomUUID().toString();
        jdbc.update("insert into citizen_consent (id, notice_version, channel, recorded_at) values (?, ?, ?, now())",
                miniProgram, "2026-12-06", "WECHAT");
        int before = jdbc.queryForObject("select count(*) from ticket", Integer.class);

        for (String bad : new String[] {withdrawn, UUID.randomUUID().toString(), miniProgram, "not-a-consent",
                "x".repeat(500)}) {
            HttpApi.Answer refused = api.post("/api/v1/tickets", QUESTION, "Idempotency-Key", "k-" + UUID.randomUUID(),
                    "X-Consent-Id", bad);
            assertThat(refused.status()).as(bad + ": " + refused.raw().body()).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.text("field")).isEqualTo("X-Consent-Id");
            assertThat(refused.text("code")).isEqualTo("consent.notInForce");
        }
        assertThat(jdbc.queryForObject("select count(*) from ticket", Integer.class)).isEqualTo(before);
    }
}
