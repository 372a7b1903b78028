package org.law12348.telephony.internal.ivr;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyProperties.Ivr;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.clocks.CalendarRule;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.ClockRule;
import org.law12348.ticketing.clocks.ComputedDeadline;
import org.law12348.ticketing.clocks.ComputedDeadline.State;
import org.law12348.ticketing.clocks.LegalClock;
import org.law12348.ticketing.clocks.PeriodUnit;
import org.law12348.ticketing.clocks.SuspensionRule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClockReadOutTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate TRIGGER = LocalDate.of(2026, 3, 14);
    private static final LocalDate DUE = LocalDate.of(2027, 3, 15);
    private final Ivr ivr = new Ivr(null, null, null, null, null, null, null, null, null, null);

    @Test
    void saysTheStatusEachClocksNameDueDateAndDaysLeftThenTheDisclaimer() {
        List<List<String>> groups = ClockReadOut.groups(TicketStatus.IN_PROGRESS,
                List.of(reading("LABOUR_ARBITRATION", due(DUE))), TODAY, ivr::hasPrompt);

        List<String> date = List.of("digit-2", "digit-0", "digit-2", "digit-7", "date-year", "digit-3", "date-month",
                "number-10", "digit-5", "date-day");
        List<String> rest = new ArrayList<>(date);
        // 7 December 2026 to 15 March 2027: 98 days, 九十八
        rest.addAll(List.of("clock-due", "digit-9", "number-10", "digit-8", "date-days"));
        assertThat(groups).containsExactly(List.of("lookup-status-in-progress"), List.of("clock-labour-arbitration"),
                rest, List.of("clock-disclaimer"));
    }

    @Test
    void pointsToTheNotesTheWebShowsBesideTheDate() {
        ComputedDeadline provisional = new ComputedDeadline(State.DUE, TRIGGER, DUE, DUE,
                List.of("2027年节假日安排为暂定（国务院通知未载入），截止日可能变化"), null);

        assertThat(ClockReadOut.groups(TicketStatus.ROUTED, List.of(reading("LABOUR_ARBITRATION", provisional)),
                TODAY, ivr::hasPrompt).get(2)).endsWith("date-days", "clock-see-notes");
        assertThat(ClockReadOut.groups(TicketStatus.ROUTED, List.of(reading("LABOUR_ARBITRATION", due(DUE))),
                TODAY, ivr::hasPrompt).get(2)).doesNotContain("clock-see-notes");
    }

    @Test
    void saysTheLastDayAndAPassedOneAsSuch() {
        assertThat(ClockReadOut.groups(TicketStatus.CLOSED, List.of(reading("LABOUR_ARBITRATION", due(TODAY))),
                TODAY, ivr::hasPrompt).get(2)).endsWith("date-day", "clock-due-today");
        assertThat(ClockReadOut.groups(TicketStatus.CLOSED,
                List.of(reading("LABOUR_ARBITRATION", due(TODAY.minusDays(1)))), TODAY, ivr::hasPrompt).get(2))
                .endsWith("date-day", "clock-expired").doesNotContain("clock-due");
    }

    @Test
    void saysWhatASuspendedClockOrAMissingCalendarAllows() {
        ComputedDeadline suspended = new ComputedDeadline(State.SUSPENDED, TRIGGER, null, null, List.of(), null);
        ComputedDeadline noCalendar = new ComputedDeadline(State.CALENDAR_MISSING, TRIGGER, DUE, null, List.of(), 2027);
        ComputedDeadline noDate = new ComputedDeadline(State.CALENDAR_MISSING, TRIGGER, null, null, List.of(), 2027);

        List<List<String>> groups = ClockReadOut.groups(TicketStatus.ROUTED, List.of(
                reading("LABOUR_ARBITRATION", suspended), reading("LABOUR_ARBITRATION", noCalendar),
                reading("LABOUR_ARBITRATION", noDate)), TODAY, ivr::hasPrompt);

        assertThat(groups.get(2)).containsExactly("clock-suspended");
        assertThat(groups.get(4)).startsWith("clock-calendar-end", "digit-2").endsWith("date-day", "clock-calendar-missing");
        assertThat(groups.get(6)).containsExactly("clock-due-unknown");
        assertThat(groups.get(7)).containsExactly("clock-disclaimer");
    }

    @Test
    void aTypeWithoutAPromptOrNoLongerInTheTableIsSaidAsALegalClock() {
        List<List<String>> groups = ClockReadOut.groups(TicketStatus.ANSWERED, List.of(
                reading("NEW_KIND_OF_PERIOD", due(DUE)),
                new ClockReading(clock("REMOVED_TYPE"), null, null)), TODAY, ivr::hasPrompt);

        assertThat(groups.get(1)).containsExactly("clock-generic");
        assertThat(groups.get(2)).contains("clock-due");
        assertThat(groups.get(3)).containsExactly("clock-generic");
        assertThat(groups.get(4)).containsExactly("clock-unknown-type");
    }

    @Test
    void aTicketWithoutClocksSaysSoAndNeedsNoDisclaimer() {
        assertThat(ClockReadOut.groups(TicketStatus.ROUTED, List.of(), TODAY, ivr::hasPrompt))
                .containsExactly(List.of("lookup-status-routed"), List.of("lookup-no-clocks"));
    }

    @Test
    void everyStatusHasItsPrompt() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(ClockReadOut.groups(status, List.of(), TODAY, ivr::hasPrompt)).hasSize(2);
        }
    }

    private static ComputedDeadline due(LocalDate day) {
        return new ComputedDeadline(State.DUE, TRIGGER, day, day, List.of(), null);
    }

    private static ClockReading reading(String type, ComputedDeadline deadline) {
        ClockRule rule = new ClockRule(type, "某期限", 1, PeriodUnit.YEARS, CalendarRule.NEXT_WORKING_DAY,
                SuspensionRule.RESUME, "某法 第一条", List.of(30), "R-1");
        return new ClockReading(clock(type), rule, deadline);
    }

    private static LegalClock clock(String type) {
        return new LegalClock(1, "GD20261130-000123", type, TRIGGER, List.of(), "dispatcher",
                Instant.parse("2026-12-01T02:00:00Z"), null);
    }
}
