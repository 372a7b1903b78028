package org.law12348.ticketing.clocks;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What an edit of a year's arrangement changed, in Chinese, for the audit log. */
final class HolidayChanges {

    /** The audit log's detail column holds 1000 characters. */
    private static final int MAX = 1000;

    private HolidayChanges() {
    }

    static String describe(int year, HolidayCalendar.Year before, HolidayCalendar.Year after) {
        StringBuilder text = new StringBuilder("修改" + year + "年节假日安排（" + statusName(after.status()) + "，依据：" + after.source() + "）");
        Set<LocalDate> oldHolidays = before == null ? Set.of() : before.holidays();
        Set<LocalDate> oldWorkdays = before == null ? Set.of() : before.workdays();
        append(text, "新增放假", minus(after.holidays(), oldHolidays));
        append(text, "取消放假", minus(oldHolidays, after.holidays()));
        append(text, "新增调休上班", minus(after.workdays(), oldWorkdays));
        append(text, "取消调休上班", minus(oldWorkdays, after.workdays()));
        if (before != null && before.status() != after.status()) {
            text.append("；状态由").append(statusName(before.status())).append("改为").append(statusName(after.status()));
        }
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text.toString();
    }

    static String statusName(HolidayCalendar.Status status) {
        return status == HolidayCalendar.Status.OFFICIAL ? "正式" : "暂定";
    }

    private static Set<LocalDate> minus(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static void append(StringBuilder text, String label, Set<LocalDate> days) {
        if (!days.isEmpty()) {
            text.append("；").append(label).append(" ")
                    .append(days.stream().map(d -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日").collect(Collectors.joining("、")));
        }
    }
}
