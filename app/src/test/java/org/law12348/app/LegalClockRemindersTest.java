package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.clocks.ClockReminders;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Each reminder of a legal clock goes out once, however many runs (or nodes) reach it at once. */
@CitizenFacingApp
class LegalClockRemindersTest {

    @LocalServerPort
    int port;
    @Autowired
    ClockReminders reminders;
    @Autowired
    LegalClockService clocks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStaleStoredDueDateIsComputedAgain() {
        HttpApi api = new HttpApi(port);
        String number = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司2026年10月1日把我辞退了，还能申请劳动仲裁吗？"))).text("number");
        long id = Long.parseLong(api.post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-10-01")), HttpApi.basic("admin"))
                .text("id"));
        // as if stored under a holiday file that did not know National Day 2027
        jdbc.update("update legal_clock set due_date = ? where id = ?", java.sql.Date.valueOf("2027-10-01"), id);

        assertThat(clocks.refreshDueDates()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select due_date from legal_clock where id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.of(2027, 10, 4));
    }

    @Test
    void remindsOnceAtEachOffsetAndAgainWhenTheDueDateMoves() throws Exception {
        HttpApi api = new HttpApi(port);
        String number = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司2026年3月14日把我辞退了，还能申请劳动仲裁吗？"))).text("number");
        // one year from 14 March 2026 is Sunday 14 March 2027: due Monday the 15th; reminders 30, 7 and 1 days before
        String clockId = api.post("/api/v1/staff/tickets/" + number + "/clocks",
                HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-03-14")), HttpApi.basic("admin"))
                .text("id");

        reminders.remind(LocalDate.of(2027, 2, 12));
        assertThat(reminderTexts(api, number)).isEmpty();

        runConcurrently(LocalDate.of(2027, 2, 13), 4);
        reminders.remind(LocalDate.of(2027, 2, 20));
        assertThat(reminderTexts(api, number)).containsExactly(
                "法律期限提醒（截止前30天）：劳动仲裁申请期限于2027年3月15日截止，还剩30天，请及时告知市民");

        // eight days late: only the nearest offset reached (1 day) goes out, not 7 as well
        reminders.remind(LocalDate.of(2027, 3, 14));
        reminders.remind(LocalDate.of(2027, 3, 16));
        assertThat(reminderTexts(api, number)).hasSize(2).last().asString().startsWith("法律期限提醒（截止前1天）");

        // staff correct the clock: an appeal against a judgment served on 1 December 2026 has a new due date
        api.request("PUT", "/api/v1/staff/tickets/" + number + "/clocks/" + clockId, "application/json",
                HttpApi.json(Map.of("type", "APPEAL_JUDGMENT", "triggerDate", "2026-12-01")).getBytes(StandardCharsets.UTF_8),
                HttpApi.basic("admin"));
        // 15 days from 1 December 2026: due Wednesday 16 December, so its reminders go out again
        reminders.remind(LocalDate.of(2026, 12, 15));
        assertThat(reminderTexts(api, number)).hasSize(3).last().asString()
                .isEqualTo("法律期限提醒（截止前1天）：一审判决上诉期限于2026年12月16日截止，还剩1天，请及时告知市民");
    }

    private void runConcurrently(LocalDate today, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                calls.add(() -> reminders.remind(today));
            }
            for (Future<Integer> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> reminderTexts(HttpApi api, String number) {
        JsonNode timeline = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("admin")).body().path("timeline");
        List<String> texts = new ArrayList<>();
        timeline.forEach(entry -> {
            if (entry.path("text").asText().startsWith("法律期限提醒")) {
                texts.add(entry.path("text").asText());
            }
        });
        return texts;
    }
}
