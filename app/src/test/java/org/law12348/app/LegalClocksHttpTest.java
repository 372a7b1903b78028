package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Legal clocks over HTTP: staff record them, a citizen reads those of their own ticket and no other. */
@CitizenFacingApp
class LegalClocksHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    private HttpApi.Answer ask(HttpApi api) {
        return api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "公司拖欠工资三个月，想申请法律援助。")));
    }

    private static HttpApi.Answer addClock(HttpApi api, String number, String type, String triggerDate) {
        return api.post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", type, "triggerDate", triggerDate)), HttpApi.basic("admin"));
    }

    @Test
    void aCitizenSeesTheClocksOfTheirOwnTicketAndNoOneElses() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer mine = ask(api);
        HttpApi.Answer theirs = ask(api);
        String[] myToken = {"X-Tracking-Token", mine.text("trackingToken")};
        assertThat(addClock(api, mine.text("number"), "APPEAL_JUDGMENT", "2026-09-16").status()).isEqualTo(201);
        assertThat(addClock(api, theirs.text("number"), "LABOUR_ARBITRATION", "2026-10-01").status()).isEqualTo(201);

        HttpApi.Answer own = api.get("/api/v1/tickets/" + mine.text("number") + "/clocks", myToken);
        assertThat(own.status()).isEqualTo(200);
        JsonNode clocks = own.body().path("clocks");
        assertThat(clocks).hasSize(1);
        JsonNode appeal = clocks.get(0);
        assertThat(appeal.path("type").asText()).isEqualTo("APPEAL_JUDGMENT");
        assertThat(appeal.path("name").asText()).isEqualTo("一审判决上诉期限");
        assertThat(appeal.path("statute").asText()).isEqualTo("中华人民共和国民事诉讼法 第一百七十一条");
        // served 16 September 2026: 15 days end on National Day, so the appeal runs to 8 October
        assertThat(appeal.path("dueDate").asText()).isEqualTo("2026-10-08");
        assertThat(appeal.path("summary").asText()).isEqualTo("一审判决上诉期限：已于2026年10月8日届满");
        assertThat(own.body().path("disclaimer").asText()).contains("仅供参考", "不构成法律意见");

        assertThat(api.get("/api/v1/tickets/" + theirs.text("number") + "/clocks", myToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + mine.text("number") + "/clocks").status()).isEqualTo(404);
        HttpApi.Answer other = api.get("/api/v1/tickets/" + theirs.text("number") + "/clocks",
                "X-Tracking-Token", theirs.text("trackingToken"));
        assertThat(other.body().path("clocks")).hasSize(1);
        assertThat(other.body().path("clocks").get(0).path("type").asText()).isEqualTo("LABOUR_ARBITRATION");
        assertThat(other.body().path("clocks").get(0).path("dueDate").asText()).isEqualTo("2027-10-04");
    }

    /** Issue 22: the queue shows each ticket's nearest legal deadline and filters by it. */
    @Test
    void theStaffQueueShowsTheNearestLegalDeadlineAndFiltersByIt() {
        HttpApi api = new HttpApi(port);
        String soon = ask(api).text("number");
        String later = ask(api).text("number");
        String none = ask(api).text("number");
        // the application's day: other classes sharing this application move its clock
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String appealDue = addClock(api, soon, "APPEAL_JUDGMENT", today.minusDays(5).toString()).text("dueDate");
        // the arbitration year ends in about three months: within a year loaded in the holiday calendar
        String arbitrationDue = addClock(api, later, "LABOUR_ARBITRATION", today.minusMonths(9).toString())
                .text("dueDate");
        // an appeal period that ran out: no deadline ahead on that clock
        addClock(api, later, "APPEAL_JUDGMENT", today.minusYears(1).toString());

        JsonNode within30 = api.get("/api/v1/staff/tickets?legalDeadlineWithinDays=30&limit=200",
                HttpApi.basic("admin")).body().path("items");
        JsonNode within400 = api.get("/api/v1/staff/tickets?legalDeadlineWithinDays=400&limit=200",
                HttpApi.basic("admin")).body().path("items");

        assertThat(arbitrationDue).as("a due date the calendar can give").isNotEmpty().isNotEqualTo("null");
        assertThat(within30.findValuesAsText("number")).contains(soon).doesNotContain(later, none);
        assertThat(within400.findValuesAsText("number")).contains(soon, later).doesNotContain(none);
        assertThat(legalDeadlineOf(within400, soon)).isEqualTo(appealDue);
        assertThat(legalDeadlineOf(within400, later)).isEqualTo(arbitrationDue);
        JsonNode all = api.get("/api/v1/staff/tickets?limit=200", HttpApi.basic("admin")).body().path("items");
        assertThat(legalDeadlineOf(all, none)).isEqualTo("null");
        HttpApi.Answer refused = api.get("/api/v1/staff/tickets?legalDeadlineWithinDays=0", HttpApi.basic("admin"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("legalDeadlineWithinDays");
    }

    private static String legalDeadlineOf(JsonNode items, String number) {
        for (JsonNode item : items) {
            if (item.path("number").asText().equals(number)) {
                return item.path("legalDeadline").asText("null");
            }
        }
        throw new AssertionError(number + " is not in the list");
    }

    @Test
    void anInterruptionRestartsTheArbitrationYearAndTheCitizenSeesNoStaffNames() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer ticket = ask(api);
        String number = ticket.text("number");
        HttpApi.Answer added = addClock(api, number, "LABOUR_ARBITRATION", "2026-01-10");
        assertThat(added.body().path("dueDate").asText()).isEqualTo("2027-01-11");

        HttpApi.Answer interrupted = api.post("/api/v1/staff/tickets/" + number + "/clocks/" + added.text("id") + "/events",
                HttpApi.json(Map.of("kind", "INTERRUPTION", "date", "2026-06-01")), HttpApi.basic("admin"));

        assertThat(interrupted.status()).isEqualTo(200);
        assertThat(interrupted.body().path("dueDate").asText()).isEqualTo("2027-06-01");
        assertThat(interrupted.body().path("warnings").toString()).contains("2027年节假日安排为暂定");
        assertThat(interrupted.body().path("events").get(0).path("recordedBy").asText()).isEqualTo("admin");
        JsonNode seen = api.get("/api/v1/tickets/" + number + "/clocks", "X-Tracking-Token", ticket.text("trackingToken"))
                .body().path("clocks").get(0);
        assertThat(seen.path("dueDate").asText()).isEqualTo("2027-06-01");
        assertThat(seen.path("events").get(0).path("kindName").asText()).isEqualTo("时效中断");
        JsonNode recordedBy = seen.path("events").get(0).get("recordedBy");
        assertThat(recordedBy == null || recordedBy.isNull()).as("who recorded it, shown to the citizen").isTrue();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        HttpApi api = new HttpApi(port);
        String number = ask(api).text("number");

        HttpApi.Answer unknownType = addClock(api, number, "NO_SUCH_CLOCK", "2026-03-14");
        HttpApi.Answer badDate = addClock(api, number, "LABOUR_ARBITRATION", "2026-02-30");
        HttpApi.Answer future = addClock(api, number, "LABOUR_ARBITRATION", "2999-01-01");
        String clockId = addClock(api, number, "LABOUR_ARBITRATION", "2026-03-14").text("id");
        HttpApi.Answer resumeUnsuspended = api.post("/api/v1/staff/tickets/" + number + "/clocks/" + clockId + "/events",
                HttpApi.json(Map.of("kind", "RESUMPTION", "date", "2026-04-01")), HttpApi.basic("admin"));
        HttpApi.Answer beforeTrigger = api.post("/api/v1/staff/tickets/" + number + "/clocks/" + clockId + "/events",
                HttpApi.json(Map.of("kind", "INTERRUPTION", "date", "2026-03-01")), HttpApi.basic("admin"));
        HttpApi.Answer missingClock = api.request("PUT", "/api/v1/staff/tickets/" + number + "/clocks/999999",
                "application/json", HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-03-14"))
                        .getBytes(StandardCharsets.UTF_8), HttpApi.basic("admin"));

        assertProblem(unknownType, 400, "type");
        assertProblem(badDate, 400, "triggerDate");
        assertProblem(future, 400, "triggerDate");
        assertProblem(resumeUnsuspended, 400, "kind");
        assertProblem(beforeTrigger, 400, "date");
        assertProblem(missingClock, 404, "clockId");
    }

    @Test
    void staffChangeTheTriggerDate() {
        HttpApi api = new HttpApi(port);
        String number = ask(api).text("number");
        String clockId = addClock(api, number, "APPEAL_RULING", "2026-02-04").text("id");

        HttpApi.Answer changed = api.request("PUT", "/api/v1/staff/tickets/" + number + "/clocks/" + clockId,
                "application/json", HttpApi.json(Map.of("type", "APPEAL_JUDGMENT", "triggerDate", "2026-02-01"))
                        .getBytes(StandardCharsets.UTF_8), HttpApi.basic("admin"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("period").asText()).isEqualTo("15日");
        // 16 February 2026 is in the Spring Festival holiday: the appeal runs to the 24th
        assertThat(changed.body().path("dueDate").asText()).isEqualTo("2026-02-24");
        JsonNode listed = api.get("/api/v1/staff/tickets/" + number + "/clocks", HttpApi.basic("admin")).body();
        assertThat(listed.path("clocks")).hasSize(1);
        assertThat(listed.path("clocks").get(0).path("type").asText()).isEqualTo("APPEAL_JUDGMENT");
    }

    @Test
    void staffListTheClockTypesOfTheTable() {
        JsonNode types = new HttpApi(port).get("/api/v1/staff/clock-types", HttpApi.basic("handler-gz")).body();

        assertThat(types.findValuesAsText("type")).hasSize(11).contains("LABOUR_ARBITRATION", "LEGAL_AID_ASSIGNMENT");
        assertThat(types.get(0).path("name").asText()).isEqualTo("劳动仲裁申请期限");
        assertThat(types.get(0).path("period").asText()).isEqualTo("1年");
        assertThat(types.get(0).path("reminderDays").toString()).isEqualTo("[30,7,1]");
    }

    private static void assertProblem(HttpApi.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body().path("field").asText()).isEqualTo(field);
    }
}
