package org.law12348.ticketing.clocks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The years administrators edited, kept in the database; each replaces the shipped file of its year. */
@Repository
public class HolidayCalendarEdits {

    /** An edited year and who saved it last. */
    public record Edited(HolidayCalendar.Year year, String updatedBy, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    HolidayCalendarEdits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Edited> all() {
        Map<Integer, List<DayRow>> days = new HashMap<>();
        jdbc.query("select calendar_year, calendar_day, kind, name from holiday_calendar_day", rs -> {
            days.computeIfAbsent(rs.getInt(1), y -> new ArrayList<>())
                    .add(new DayRow(rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)));
        });
        Map<Integer, Edited> years = new TreeMap<>();
        jdbc.query("select calendar_year, status, source, updated_by, updated_at from holiday_calendar_year", rs -> {
            int year = rs.getInt(1);
            years.put(year, new Edited(year(year, HolidayCalendar.Status.valueOf(rs.getString(2)), rs.getString(3),
                    days.getOrDefault(year, List.of())), rs.getString(4), rs.getTimestamp(5).toInstant()));
        });
        return List.copyOf(years.values());
    }

    public Optional<Edited> find(int year) {
        return all().stream().filter(e -> e.year().year() == year).findFirst();
    }

    /** Replaces the stored arrangement of the year, or stores the first one. */
    public void save(HolidayCalendar.Year year, String actor, Instant now) {
        int updated = jdbc.update("update holiday_calendar_year set status = ?, source = ?, updated_by = ?, updated_at = ?"
                + " where calendar_year = ?", year.status().name(), year.source(), actor, Timestamp.from(now), year.year());
        if (updated == 0) {
            jdbc.update("insert into holiday_calendar_year (calendar_year, status, source, updated_by, updated_at) values (?, ?, ?, ?, ?)",
                    year.year(), year.status().name(), year.source(), actor, Timestamp.from(now));
        }
        jdbc.update("delete from holiday_calendar_day where calendar_year = ?", year.year());
        List<Object[]> rows = new ArrayList<>();
        year.holidays().forEach(d -> rows.add(row(year, d, "HOLIDAY")));
        year.workdays().forEach(d -> rows.add(row(year, d, "WORKDAY")));
        jdbc.batchUpdate("insert into holiday_calendar_day (calendar_day, calendar_year, kind, name) values (?, ?, ?, ?)", rows);
    }

    /** Removes the edit of the year; answers whether there was one. */
    public boolean delete(int year) {
        jdbc.update("delete from holiday_calendar_day where calendar_year = ?", year);
        return jdbc.update("delete from holiday_calendar_year where calendar_year = ?", year) > 0;
    }

    private static Object[] row(HolidayCalendar.Year year, LocalDate day, String kind) {
        return new Object[] {Date.valueOf(day), year.year(), kind, year.names().getOrDefault(day, "")};
    }

    private record DayRow(LocalDate day, String kind, String name) {
    }

    private static HolidayCalendar.Year year(int year, HolidayCalendar.Status status, String source, List<DayRow> days) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<LocalDate, String> names = new HashMap<>();
        for (DayRow d : days) {
            ("WORKDAY".equals(d.kind()) ? workdays : holidays).add(d.day());
            if (!d.name().isEmpty()) {
                names.put(d.day(), d.name());
            }
        }
        return new HolidayCalendar.Year(year, status, source, holidays, workdays, names);
    }
}
