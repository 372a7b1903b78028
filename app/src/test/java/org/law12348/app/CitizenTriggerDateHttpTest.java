package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: the citizen gives the trigger date of their legal clock in the ask form ("我是哪天被辞退的"). The
 * form asks the server whether to ask; the date goes through the one intake door, is checked there, is
 * part of the submission's fingerprint, and reaches staff as a suggestion whose source is 市民填写.
 */
@CitizenFacingApp
class CitizenTriggerDateHttpTest {

    private static final String LABOUR = "公司上个月把我辞退了，没有给任何补偿，我该怎么办？";

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private static String ticket(String businessType, String text, String triggerDate) {
        Map<String, Object> body = new HashMap<>(Map.of("businessType", businessType, "regionCode", "440106", "text", text));
        if (triggerDate != null) {
            body.put("triggerDate", triggerDate);
        }
        return HttpApi.json(body);
    }

    private static JsonNode suggestion(HttpApi api, String number, String type) {
        for (JsonNode s : api.get("/api/v1/staff/tickets/" + number + "/clock-suggestions", HttpApi.basic("admin")).body()) {
            if (s.path("type").asText().equals(type)) {
                return s;
            }
        }
        return null;
    }

    private int tickets() {
        return jdbc.queryForObject("select count(*) from ticket", Integer.class);
    }

    @Test
    void theAskFormIsAskedForALabourQuestionAndNotForOneWithoutAClock() {
        HttpApi api = new HttpApi(port);

        HttpApi.Answer labour = api.post("/api/v1/clock-question",
                HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION", "text", LABOUR)));
        HttpApi.Answer family = api.post("/api/v1/clock-question",
                HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION", "text", "想咨询一下遗嘱怎么写才有效？")));
        HttpApi.Answer unknown = api.post("/api/v1/clock-question",
                HttpApi.json(Map.of("businessType", "NO_SUCH_TYPE", "text", LABOUR)));

        assertThat(labour.status()).isEqualTo(200);
        assertThat(labour.body().path("applies").asBoolean()).isTrue();
        assertThat(labour.text("type")).isEqualTo("LABOUR_ARBITRATION");
        assertThat(labour.text("question")).isEqualTo("您是哪天被辞退（或知道权益受损）的？");
        assertThat(labour.text("latest")).isEqualTo(today().toString());
        assertThat(labour.text("earliest")).isEqualTo(today().minusYears(20).toString());
        assertThat(family.status()).isEqualTo(200);
        assertThat(family.body().path("applies").asBoolean()).isFalse();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("businessType");
    }

    @Test
    void theCitizensDateBecomesTheSuggestionWithTheCitizenAsItsSource() {
        HttpApi api = new HttpApi(port);
        String day = today().minusDays(20).toString();

        HttpApi.Answer created = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR, day));

        assertThat(created.status()).isEqualTo(201);
        JsonNode arbitration = suggestion(api, created.text("number"), "LABOUR_ARBITRATION");
        assertThat(arbitration).isNotNull();
        assertThat(arbitration.path("triggerDate").asText()).isEqualTo(day);
        assertThat(arbitration.path("triggerSource").asText()).isEqualTo("市民填写");
        assertThat(arbitration.path("reason").asText()).isEqualTo("问题类别：劳动争议");
    }

    @Test
    void theDateIsInTheCitizensExportAndGoneAfterErasure() {
        HttpApi api = new HttpApi(port);
        String day = today().minusDays(3).toString();
        HttpApi.Answer created = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR, day));
        String number = created.text("number");

        JsonNode exported = api.get("/api/v1/tickets/" + number + "/personal-data", "X-Tracking-Token",
                created.text("trackingToken")).body().path("tickets").get(0);
        assertThat(exported.path("citizenTriggerDate").asText()).isEqualTo(day);

        assertThat(api.post("/api/v1/admin/citizen-data/erasure", HttpApi.json(Map.of("ticketNumber", number,
                "reason", "市民来电申请删除")), HttpApi.basic("admin")).status()).isEqualTo(200);
        JsonNode erased = api.get("/api/v1/admin/citizen-data/export?ticket=" + number, HttpApi.basic("admin")).body();
        JsonNode gone = erased.path("tickets").get(0).path("citizenTriggerDate");
        assertThat(gone.isNull() || gone.isMissingNode()).as(gone.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ticket where number = ? and citizen_trigger_date is not null",
                Integer.class, number)).isZero();
    }

    @Test
    void aFutureOrMalformedDateIsRefusedNamingTheFieldAndNoTicketIsMade() {
        HttpApi api = new HttpApi(port);
        int before = tickets();

        HttpApi.Answer future = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR,
                today().plusDays(1).toString()), "Idempotency-Key", "trigger-future-1");
        HttpApi.Answer malformed = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR, "2026-02-30"));
        HttpApi.Answer words = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR, "上个月"));
        HttpApi.Answer ancient = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR,
                today().minusYears(21).toString()));

        for (HttpApi.Answer refused : new HttpApi.Answer[] {future, malformed, words, ancient}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.text("field")).isEqualTo("triggerDate");
        }
        assertThat(future.text("detail")).contains("日期不能晚于今天");
        assertThat(malformed.text("detail")).contains("日期无法识别");
        assertThat(ancient.text("detail")).contains("日期不能早于");
        assertThat(tickets()).isEqualTo(before);
        // nothing was claimed under the refused key either: it takes the corrected request in
        assertThat(api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION", LABOUR, today().toString()),
                "Idempotency-Key", "trigger-future-1").status()).isEqualTo(201);
    }

    @Test
    void theDateIsPartOfTheRequestItsKeyNames() {
        HttpApi api = new HttpApi(port);
        String day = today().minusDays(10).toString();
        String key = "trigger-key-" + System.nanoTime();

        HttpApi.Answer first = api.post("/api/v1/tickets", ticket("LEGAL_AID", LABOUR, day), "Idempotency-Key", key);
        HttpApi.Answer retry = api.post("/api/v1/tickets", ticket("LEGAL_AID", LABOUR, day), "Idempotency-Key", key);
        HttpApi.Answer otherDay = api.post("/api/v1/tickets", ticket("LEGAL_AID", LABOUR, today().minusDays(11).toString()),
                "Idempotency-Key", key);
        HttpApi.Answer noDay = api.post("/api/v1/tickets", ticket("LEGAL_AID", LABOUR, null), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("number")).isEqualTo(first.text("number"));
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(otherDay.status()).isEqualTo(422);
        assertThat(otherDay.text("field")).isEqualTo("Idempotency-Key");
        assertThat(otherDay.raw().body()).doesNotContain(first.text("number"));
        assertThat(noDay.status()).isEqualTo(422);
    }

    @Test
    void withoutADateTheSuggestionStillComesFromTheText() {
        HttpApi api = new HttpApi(port);
        String number = api.post("/api/v1/tickets", ticket("LEGAL_CONSULTATION",
                "2026年3月5日被公司辞退了，还能申请劳动仲裁吗？", null)).text("number");

        JsonNode arbitration = suggestion(api, number, "LABOUR_ARBITRATION");

        assertThat(arbitration.path("triggerDate").asText()).isEqualTo("2026-03-05");
        assertThat(arbitration.path("triggerSource").asText()).isEqualTo("问题中写的“2026年3月5日”");
    }
}
