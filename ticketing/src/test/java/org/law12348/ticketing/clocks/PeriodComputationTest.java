package org.law12348.ticketing.clocks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of hand-worked periods in {@code legal-periods.csv}, computed on the holiday files the
 * product ships (2026 official, 2027 provisional).
 */
class PeriodComputationTest {

    private static PeriodComputation computation;

    @BeforeAll
    static void loadShippedCalendar() throws IOException {
        computation = new PeriodComputation(ShippedHolidays.load());
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "legal-periods.csv", numLinesToSkip = 1)
    void computesTheLastDayAsTheLawDoes(String description, int amount, PeriodUnit unit, CalendarRule calendarRule,
                                        SuspensionRule suspensionRule, LocalDate trigger, String events,
                                        ComputedDeadline.State state, LocalDate periodEnd, LocalDate due,
                                        boolean provisional) {
        ClockRule rule = new ClockRule("CASE", description, amount, unit, calendarRule, suspensionRule, "test",
                List.of(30, 7, 1), "C-CASE");

        ComputedDeadline deadline = computation.compute(rule, trigger, events(events));

        assertThat(deadline.state()).isEqualTo(state);
        assertThat(deadline.periodEnd()).isEqualTo(periodEnd);
        assertThat(deadline.dueDate()).isEqualTo(due);
        assertThat(deadline.warnings().stream().anyMatch(w -> w.contains("暂定"))).as("provisional warning")
                .isEqualTo(provisional);
        if (state == ComputedDeadline.State.CALENDAR_MISSING) {
            assertThat(deadline.warnings()).anyMatch(w -> w.contains("尚未载入"));
        }
    }

    @Test
    void tableHasAtLeastFortyHandWorkedCases() throws IOException {
        try (var in = getClass().getResourceAsStream("legal-periods.csv")) {
            long cases = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1;
            assertThat(cases).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void saysWhyTheLastDayMoved() {
        ClockRule appeal = new ClockRule("APPEAL_JUDGMENT", "一审判决上诉期限", 15, PeriodUnit.DAYS,
                CalendarRule.NEXT_WORKING_DAY, SuspensionRule.RESUME, "民事诉讼法 第一百七十一条", List.of(7, 3, 1), "C");

        ComputedDeadline deadline = computation.compute(appeal, LocalDate.of(2026, 9, 16), List.of());

        assertThat(deadline.warnings()).containsExactly("期间最后一日2026年10月1日为法定休假日，顺延至2026年10月8日");
        assertThat(ClockTexts.summary(appeal.name(), deadline, LocalDate.of(2026, 9, 20)))
                .isEqualTo("一审判决上诉期限：2026年10月8日截止，还剩18天");
        assertThat(ClockTexts.summary(appeal.name(), deadline, LocalDate.of(2026, 10, 8)))
                .isEqualTo("一审判决上诉期限：2026年10月8日截止，今天是最后一天");
        assertThat(ClockTexts.summary(appeal.name(), deadline, LocalDate.of(2026, 10, 9)))
                .isEqualTo("一审判决上诉期限：已于2026年10月8日届满");
    }

    @Test
    void anUnloadedYearGivesNoDateButTheCalendarDayToReadWithCare() {
        ClockRule civil = new ClockRule("CIVIL_LIMITATION", "民事诉讼时效", 3, PeriodUnit.YEARS,
                CalendarRule.NEXT_WORKING_DAY, SuspensionRule.SIX_MONTHS_AFTER, "民法典 第一百八十八条", List.of(30), "C");

        ComputedDeadline deadline = computation.compute(civil, LocalDate.of(2026, 3, 14), List.of());

        assertThat(ClockTexts.summary(civil.name(), deadline, LocalDate.of(2026, 3, 20)))
                .isEqualTo("民事诉讼时效：按日历推算为2029年3月14日，如遇节假日顺延（2029年节假日安排尚未载入）");
        assertThat(deadline.warnings()).containsExactly("2029年的节假日安排尚未载入，暂无法确定截止日");
    }

    private static List<ClockEvent> events(String text) {
        List<ClockEvent> events = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return events;
        }
        for (String item : text.split(";")) {
            String value = item.substring(2);
            if (item.startsWith("I:")) {
                events.add(ClockEvent.interruption(LocalDate.parse(value)));
            } else {
                String[] range = value.split("\\.\\.", -1);
                events.add(ClockEvent.suspension(LocalDate.parse(range[0]),
                        range[1].isEmpty() ? null : LocalDate.parse(range[1])));
            }
        }
        return events;
    }
}
