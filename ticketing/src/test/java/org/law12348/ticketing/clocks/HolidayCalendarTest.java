package org.law12348.ticketing.clocks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTest {

    @Test
    void shipsAnOfficial2026AndAProvisional2027() throws IOException {
        HolidayCalendar calendar = ShippedHolidays.load();

        assertThat(calendar.loadedYears()).contains(2026, 2027);
        assertThat(calendar.require(2026).status()).isEqualTo(HolidayCalendar.Status.OFFICIAL);
        assertThat(calendar.provisionalYears()).contains(2027).doesNotContain(2026);
        // the 2026 arrangement: 33 holiday days, six make-up working days
        assertThat(calendar.require(2026).holidays()).hasSize(33);
        assertThat(calendar.require(2026).workdays()).hasSize(6);
    }

    @Test
    void makeUpWeekendDaysAreWorkingDaysAndHolidaysOnWeekdaysAreNot() throws IOException {
        HolidayCalendar calendar = ShippedHolidays.load();

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // Saturday, 调休上班
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();  // Monday, 春节
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 21))).isFalse();  // ordinary Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 20))).isTrue();   // ordinary Friday
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2028, 3, 1)))
                .isInstanceOf(HolidayCalendar.YearNotLoadedException.class);
    }

    @Test
    void refusesAFileThatMakesADayBothHolidayAndWorkday() {
        String text = "year: 2030\nstatus: OFFICIAL\nsource: x\nholiday 2030-10-01..2030-10-07 国庆\nworkday 2030-10-05 x\n";

        assertThatThrownBy(() -> HolidayFiles.parse("2030.txt", text))
                .hasMessageContaining("both a holiday and a make-up working day");
    }

    @Test
    void refusesALineItDoesNotKnowNamingTheLine() {
        assertThatThrownBy(() -> HolidayFiles.parse("2030.txt", "year: 2030\nstatus: OFFICIAL\nsource: x\nholidy 2030-01-01\n"))
                .hasMessageContaining("2030.txt line 4");
    }
}
