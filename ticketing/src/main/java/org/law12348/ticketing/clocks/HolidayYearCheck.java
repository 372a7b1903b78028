package org.law12348.ticketing.clocks;

import org.law12348.ticketing.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a year's arrangement as an administrator sent it and names every field that is wrong
 * ({@code status}, {@code source}, {@code days[3].date} …): a date twice, a day of another year, a make-up
 * working day that is no weekend day (it would change nothing and is surely a slip).
 */
final class HolidayYearCheck {

    private static final int MAX_DAYS = 120;
    private static final int MAX_NAME = 40;
    private static final int MAX_SOURCE = 200;

    private HolidayYearCheck() {
    }

    static HolidayCalendar.Year check(int year, HolidayYearInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        HolidayCalendar.Status status = null;
        try {
            status = HolidayCalendar.Status.valueOf(input.status() == null ? "" : input.status().strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.Violation("status", "status.unknown", "状态应为 OFFICIAL（正式）或 PROVISIONAL（暂定）"));
        }
        String source = input.source() == null ? "" : input.source().strip();
        if (source.isEmpty() || source.length() > MAX_SOURCE) {
            problems.add(new InvalidInputException.Violation("source", "source.length", "请填写依据（如国务院办公厅通知的名称），不超过" + MAX_SOURCE + "字"));
        }
        List<HolidayYearInput.Day> days = input.days() == null ? List.of() : input.days();
        if (days.size() > MAX_DAYS) {
            problems.add(new InvalidInputException.Violation("days", "days.tooMany", "一年最多" + MAX_DAYS + "天"));
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<LocalDate, String> names = new HashMap<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < days.size() && i < MAX_DAYS; i++) {
            String field = "days[" + i + "]";
            HolidayYearInput.Day day = days.get(i);
            if (day == null) {
                problems.add(new InvalidInputException.Violation(field, "field.required", "第" + (i + 1) + "行为空"));
                continue;
            }
            LocalDate date = date(day.date(), year, field + ".date", i, problems);
            String kind = day.kind() == null ? "" : day.kind().strip();
            if (!kind.equals("HOLIDAY") && !kind.equals("WORKDAY")) {
                problems.add(new InvalidInputException.Violation(field + ".kind", "kind.unknown", "第" + (i + 1) + "行：类型应为 HOLIDAY（放假）或 WORKDAY（调休上班）"));
            }
            String name = day.name() == null ? "" : day.name().strip();
            if (name.length() > MAX_NAME) {
                problems.add(new InvalidInputException.Violation(field + ".name", "name.length", "第" + (i + 1) + "行：名称不超过" + MAX_NAME + "字"));
            }
            if (date == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(date, i);
            if (first != null) {
                problems.add(new InvalidInputException.Violation(field + ".date", "date.twice",
                        "第" + (i + 1) + "行：" + ClockTexts.date(date) + "与第" + (first + 1) + "行重复"));
                continue;
            }
            if (kind.equals("WORKDAY") && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(new InvalidInputException.Violation(field + ".date", "workday.notWeekend",
                        "第" + (i + 1) + "行：调休上班日应为星期六或星期日，" + ClockTexts.date(date) + "本来就是工作日"));
            }
            (kind.equals("WORKDAY") ? workdays : holidays).add(date);
            if (!name.isEmpty()) {
                names.put(date, name);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new HolidayCalendar.Year(year, status, source, holidays, workdays, names);
    }

    private static LocalDate date(String raw, int year, String field, int index, List<InvalidInputException.Violation> problems) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Violation(field, "date.invalid", "第" + (index + 1) + "行：日期格式应为 yyyy-MM-dd"));
            return null;
        }
        if (date.getYear() != year) {
            problems.add(new InvalidInputException.Violation(field, "date.otherYear", "第" + (index + 1) + "行：" + ClockTexts.date(date) + "不在" + year + "年"));
            return null;
        }
        return date;
    }
}
