package org.law12348.ticketing.clocks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one year's holiday arrangement from the shipped text format:
 * <pre>
 * # comment
 * year: 2026
 * status: OFFICIAL
 * source: 国务院办公厅关于2026年部分节假日安排的通知
 * holiday 2026-02-15..2026-02-23 春节
 * workday 2026-02-14 春节调休上班
 * </pre>
 */
public final class HolidayFiles {

    private HolidayFiles() {
    }

    public static HolidayCalendar.Year parse(String name, String text) {
        Integer year = null;
        HolidayCalendar.Status status = null;
        String source = null;
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<LocalDate, String> names = new HashMap<>();
        int lineNumber = 0;
        for (String raw : text.lines().toList()) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("year:")) {
                    year = Integer.parseInt(line.substring(5).strip());
                } else if (line.startsWith("status:")) {
                    status = HolidayCalendar.Status.valueOf(line.substring(7).strip());
                } else if (line.startsWith("source:")) {
                    source = line.substring(7).strip();
                } else if (line.startsWith("holiday ")) {
                    holidays.addAll(days(line.substring(8), names));
                } else if (line.startsWith("workday ")) {
                    workdays.addAll(days(line.substring(8), names));
                } else {
                    throw new IllegalArgumentException("unknown line");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (year == null || status == null || source == null) {
            throw new IllegalArgumentException(name + " needs year, status and source");
        }
        return new HolidayCalendar.Year(year, status, source, holidays, workdays, names);
    }

    /** "2026-02-15..2026-02-23 春节" or "2026-02-14 春节调休上班": the days, their name kept for the editor. */
    private static Set<LocalDate> days(String rest, Map<LocalDate, String> names) {
        String[] parts = rest.strip().split("\\s+", 2);
        String range = parts[0];
        String[] ends = range.split("\\.\\.", -1);
        LocalDate first = LocalDate.parse(ends[0]);
        LocalDate last = ends.length > 1 ? LocalDate.parse(ends[1]) : first;
        if (last.isBefore(first) || ends.length > 2) {
            throw new IllegalArgumentException("bad range " + range);
        }
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
            if (parts.length > 1) {
                names.put(d, parts[1].strip());
            }
        }
        return days;
    }
}
