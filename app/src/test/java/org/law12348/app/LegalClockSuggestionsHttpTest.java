package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 22: the clocks a ticket suggests, confirmed with a trigger date or dismissed, over HTTP. */
@CitizenFacingApp
class LegalClockSuggestionsHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    private String ask(HttpApi api, String businessType, String text) {
        return api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", businessType, "regionCode", "440106",
                "text", text))).text("number");
    }

    private JsonNode suggestions(HttpApi api, String number) {
        HttpApi.Answer answer = api.get("/api/v1/staff/tickets/" + number + "/clock-suggestions", HttpApi.basic("admin"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode ofType(JsonNode suggestions, String type) {
        for (JsonNode s : suggestions) {
            if (s.path("type").asText().equals(type)) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aLabourQuestionSuggestsTheArbitrationYearFromTheDateItGivesAndLegalAidTheCentresOwnDuty() {
        HttpApi api = new HttpApi(port);
        String number = ask(api, "LEGAL_AID", "我2020年3月入职，2026年3月5日被公司辞退了，公司还拖欠工资，想申请法律援助。");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));

        JsonNode all = suggestions(api, number);
        JsonNode arbitration = ofType(all, "LABOUR_ARBITRATION");
        JsonNode legalAid = ofType(all, "LEGAL_AID_DECISION");

        assertThat(arbitration).isNotNull();
        assertThat(arbitration.path("reason").asText()).isEqualTo("问题类别：劳动争议");
        assertThat(arbitration.path("triggerDate").asText()).isEqualTo("2026-03-05");
        assertThat(arbitration.path("triggerSource").asText()).isEqualTo("问题中写的“2026年3月5日”");
        assertThat(arbitration.path("datesInText").findValuesAsText("date")).containsExactly("2020-03-01", "2026-03-05");
        assertThat(legalAid).isNotNull();
        assertThat(legalAid.path("reason").asText()).isEqualTo("业务类型：法律援助");
        assertThat(legalAid.path("triggerDate").asText()).isEqualTo(today.toString());
        assertThat(ofType(all, "APPEAL_JUDGMENT")).as("no judgment is spoken of").isNull();

        // confirming is adding the clock; dismissing keeps the suggestion away
        assertThat(api.post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-03-06")), HttpApi.basic("admin"))
                .status()).isEqualTo(201);
        HttpApi.Answer dismissed = api.post("/api/v1/staff/tickets/" + number
                + "/clock-suggestions/LEGAL_AID_DECISION/dismissal", "", HttpApi.basic("admin"));
        assertThat(dismissed.status()).isEqualTo(204);

        JsonNode left = suggestions(api, number);
        assertThat(ofType(left, "LABOUR_ARBITRATION")).isNull();
        assertThat(ofType(left, "LEGAL_AID_DECISION")).isNull();
    }

    @Test
    void aJudgmentServedLastMonthSuggestsTheAppealWithThatDay() {
        HttpApi api = new HttpApi(port);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String number = ask(api, "LEGAL_CONSULTATION", "上个月15号收到一审判决书，对判决不服，还能上诉吗？");

        JsonNode appeal = ofType(suggestions(api, number), "APPEAL_JUDGMENT");

        assertThat(appeal).isNotNull();
        assertThat(appeal.path("reason").asText()).isEqualTo("问题中提到“判决”");
        assertThat(appeal.path("triggerDate").asText()).isEqualTo(today.minusMonths(1).withDayOfMonth(15).toString());
    }

    @Test
    void dismissingAnUnknownTypeNamesTheFieldAndAnUnknownTicketIsNotFound() {
        HttpApi api = new HttpApi(port);
        String number = ask(api, "LEGAL_AID", "公司拖欠工资三个月，想申请法律援助。");

        HttpApi.Answer unknown = api.post("/api/v1/staff/tickets/" + number + "/clock-suggestions/NO_SUCH_CLOCK/dismissal", "",
                HttpApi.basic("admin"));
        HttpApi.Answer noTicket = api.get("/api/v1/staff/tickets/GD20990101-999999/clock-suggestions", HttpApi.basic("admin"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("type");
        assertThat(noTicket.status()).isEqualTo(404);
    }
}
