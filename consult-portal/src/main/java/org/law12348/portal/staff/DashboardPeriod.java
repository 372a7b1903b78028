package org.law12348.portal.staff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The dashboard's windows, in the service's local calendar: today, this week (from Monday), this month. */
enum DashboardPeriod {
    TODAY("今日"),
    WEEK("本周"),
    MONTH("本月");

    private final String chineseName;

    DashboardPeriod(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    Instant start(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = switch (this) {
            case TODAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        return first.atStartOfDay(zone).toInstant();
    }
}
