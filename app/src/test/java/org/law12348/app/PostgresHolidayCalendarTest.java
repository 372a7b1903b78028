package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holiday calendar edited by an administrator on PostgreSQL (issue 22): an edit moves a clock's
 * deadline at once, in its reading and in the stored date the queue sorts by; it is audited; removing it
 * brings the shipped file back; a year not loaded is named; bad input names the field.
 */
class PostgresHolidayCalendarTest implements PostgresApp {

    private static final String CALENDAR = "/api/v1/admin/holiday-calendar/";

    @LocalServerPort
    int port;

    private HttpApi api() {
        return new HttpApi(port);
    }

    private String ticketWithClock(String type, String trigger) {
        HttpApi api = api();
        String number = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "公司拖欠工资三个月，想申请法律援助。"))).text("number");
        HttpApi.Answer added = api.post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", type, "triggerDate", trigger)), HttpApi.basic("admin"));
        assertThat(added.status()).isEqualTo(201);
        return number;
    }

    private JsonNode clockOf(String number) {
        return api().get("/api/v1/staff/tickets/" + number + "/clocks", HttpApi.basic("admin")).body().path("clocks").get(0);
    }

    private HttpApi.Answer save(int year, String status, List<Map<String, String>> days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("source", "国务院办公厅关于" + year + "年部分节假日安排的通知（测试）");
        body.put("days", days);
        return api().request("PUT", CALENDAR + year, "application/json",
                HttpApi.json(body).getBytes(java.nio.charset.StandardCharsets.UTF_8), HttpApi.basic("admin"));
    }

    /** A year's days as the calendar API answered them, plus one holiday: the days of a save. */
    static List<Map<String, String>> daysWithHoliday(JsonNode year, String holiday) {
        List<Map<String, String>> days = new ArrayList<>();
        for (JsonNode d : year.path("days")) {
            days.add(day(d.path("date").asText(), d.path("kind").asText(), d.path("name").asText()));
        }
        days.add(day(holiday, "HOLIDAY", "测试假日"));
        return days;
    }

    private static Map<String, String> day(String date, String kind, String name) {
        return Map.of("date", date, "kind", kind, "name", name);
    }

    private String queueDeadline(String number) {
        for (JsonNode item : api().get("/api/v1/staff/tickets?legalDeadlineWithinDays=800&limit=200", HttpApi.basic("admin"))
                .body().path("items")) {
            if (item.path("number").asText().equals(number)) {
                return item.path("legalDeadline").asText();
            }
        }
        throw new AssertionError(number + " is not in the queue");
    }

    @Test
    void anEditMovesTheDeadlineAtOnceIsAuditedAndRevertingBringsTheShippedFileBack() {
        // the arbitration year from 10 January 2026 ends on Monday 11 January 2027
        String number = ticketWithClock("LABOUR_ARBITRATION", "2026-01-10");
        assertThat(clockOf(number).path("dueDate").asText()).isEqualTo("2027-01-11");
        JsonNode shipped = api().get(CALENDAR + 2027, HttpApi.basic("admin")).body();
        assertThat(shipped.path("origin").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.path("status").asText()).isEqualTo("PROVISIONAL");

        // the administrator keeps the shipped days, makes 11 January a holiday and the year official
        HttpApi.Answer saved = save(2027, "OFFICIAL", daysWithHoliday(shipped, "2027-01-11"));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("origin").asText()).isEqualTo("EDITED");
        assertThat(saved.body().path("updatedBy").asText()).isEqualTo("admin");
        JsonNode moved = clockOf(number);
        assertThat(moved.path("dueDate").asText()).isEqualTo("2027-01-12");
        assertThat(moved.path("warnings").toString()).contains("顺延至2027年1月12日").doesNotContain("暂定");
        assertThat(queueDeadline(number)).as("the stored date the queue sorts by").isEqualTo("2027-01-12");
        JsonNode audit = api().get("/api/v1/admin/audit?action=HOLIDAY_CALENDAR_CHANGED", HttpApi.basic("admin")).body();
        assertThat(audit.path("items").toString()).contains("新增放假 1月11日", "状态由暂定改为正式", "admin");

        HttpApi.Answer reverted = api().request("DELETE", CALENDAR + 2027, "application/json", new byte[0], HttpApi.basic("admin"));

        assertThat(reverted.status()).isEqualTo(200);
        assertThat(reverted.body().path("origin").asText()).isEqualTo("SHIPPED");
        assertThat(clockOf(number).path("dueDate").asText()).isEqualTo("2027-01-11");
        assertThat(queueDeadline(number)).isEqualTo("2027-01-11");
    }

    @Test
    void aYearNotLoadedIsNamedAndAddingItGivesTheDate() {
        // three years from 14 March 2026 end on Wednesday 14 March 2029, a year no file holds
        String number = ticketWithClock("CIVIL_LIMITATION", "2026-03-14");
        JsonNode missing = clockOf(number);
        assertThat(missing.path("state").asText()).isEqualTo("CALENDAR_MISSING");
        assertThat(missing.path("summary").asText()).contains("（2029年节假日安排尚未载入）");
        assertThat(api().get(CALENDAR + 2029, HttpApi.basic("admin")).body().path("origin").asText()).isEqualTo("NONE");

        assertThat(save(2029, "PROVISIONAL", List.of(day("2029-03-14", "HOLIDAY", "测试假日"))).status()).isEqualTo(200);

        JsonNode known = clockOf(number);
        assertThat(known.path("state").asText()).isEqualTo("DUE");
        assertThat(known.path("dueDate").asText()).isEqualTo("2029-03-15");
        assertThat(known.path("warnings").toString()).contains("2029年节假日安排为暂定");
        JsonNode years = api().get("/api/v1/admin/holiday-calendar", HttpApi.basic("admin")).body();
        assertThat(years.findValuesAsText("year")).contains("2026", "2027", "2029");

        api().request("DELETE", CALENDAR + 2029, "application/json", new byte[0], HttpApi.basic("admin"));
        assertThat(clockOf(number).path("state").asText()).isEqualTo("CALENDAR_MISSING");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndOnlyAdministratorsEdit() {
        HttpApi.Answer twice = save(2030, "OFFICIAL", List.of(day("2030-10-01", "HOLIDAY", "国庆节"),
                day("2030-10-01", "HOLIDAY", "国庆节")));
        HttpApi.Answer weekdayWorkday = save(2030, "OFFICIAL", List.of(day("2030-10-09", "WORKDAY", "调休")));
        HttpApi.Answer otherYear = save(2030, "OFFICIAL", List.of(day("2031-01-01", "HOLIDAY", "元旦")));
        HttpApi.Answer badKind = save(2030, "OFFICIAL", List.of(day("2030-01-01", "REST", "元旦")));
        HttpApi.Answer badStatus = save(2030, "FINAL", List.of());
        HttpApi.Answer tooEarly = save(1999, "OFFICIAL", List.of());
        HttpApi.Answer tooLate = save(2099, "OFFICIAL", List.of());
        HttpApi.Answer notANumber = api().get(CALENDAR + "abcd", HttpApi.basic("admin"));
        HttpApi.Answer nothingToRevert = api().request("DELETE", CALENDAR + 2030, "application/json", new byte[0],
                HttpApi.basic("admin"));
        HttpApi.Answer byDispatcher = api().get("/api/v1/admin/holiday-calendar", HttpApi.basic("dispatcher"));

        assertThat(List.of(twice, weekdayWorkday, otherYear, badKind, badStatus, tooEarly, tooLate, notANumber, nothingToRevert))
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(400);
                    assertThat(a.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                });
        assertThat(twice.text("field")).isEqualTo("days[1].date");
        assertThat(twice.text("detail")).contains("2030年10月1日与第1行重复");
        assertThat(weekdayWorkday.text("field")).isEqualTo("days[0].date");
        assertThat(weekdayWorkday.text("detail")).contains("调休上班日应为星期六或星期日");
        assertThat(otherYear.text("field")).isEqualTo("days[0].date");
        assertThat(badKind.text("field")).isEqualTo("days[0].kind");
        assertThat(badStatus.text("field")).isEqualTo("status");
        assertThat(tooEarly.text("field")).isEqualTo("year");
        assertThat(tooLate.text("field")).isEqualTo("year");
        assertThat(notANumber.text("field")).isEqualTo("year");
        assertThat(nothingToRevert.text("field")).isEqualTo("year");
        assertThat(byDispatcher.status()).isEqualTo(403);
    }
}
