package org.law12348.ticketing.clocks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The State Council's holiday arrangement, one year at a time: which days are statutory holidays and
 * which weekend days are make-up working days (调休). Saturdays and Sundays are rest days unless made
 * working days. A year that is not loaded is unknown, never guessed.
 */
public final class HolidayCalendar {

    /** How far a year's arrangement can be trusted. */
    public enum Status {
        /** Copied from the published State Council notice. */
        OFFICIAL,
        /** The notice is not published (or not loaded) yet: only the statutory days of the 放假办法, no 调休. */
        PROVISIONAL
    }

    /**
     * One year's arrangement.
     *
     * @param names what a day is called (春节, 国庆节调休上班), for the administrators' editor; not every day has one
     */
    public record Year(int year, Status status, String source, Set<LocalDate> holidays, Set<LocalDate> workdays,
                       Map<LocalDate, String> names) {

        public Year(int year, Status status, String source, Set<LocalDate> holidays, Set<LocalDate> workdays) {
            this(year, status, source, holidays, workdays, Map.of());
        }

        public Year {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
            names = Map.copyOf(names);
            if (holidays.stream().anyMatch(workdays::contains)) {
                throw new IllegalArgumentException("A day cannot be both a holiday and a make-up working day in " + year);
            }
            if (holidays.stream().anyMatch(d -> d.getYear() != year) || workdays.stream().anyMatch(d -> d.getYear() != year)) {
                throw new IllegalArgumentException("The arrangement of " + year + " lists a day of another year");
            }
        }
    }

    /** A computation needs a year whose arrangement is not loaded. */
    public static class YearNotLoadedException extends RuntimeException {
        private final int year;

        public YearNotLoadedException(int year) {
            super("The holiday arrangement of " + year + " is not loaded");
            this.year = year;
        }

        public int year() {
            return year;
        }
    }

    private final Map<Integer, Year> years;

    public HolidayCalendar(Collection<Year> years) {
        Map<Integer, Year> byYear = new TreeMap<>();
        for (Year y : years) {
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalArgumentException("The arrangement of " + y.year() + " is loaded twice");
            }
        }
        this.years = Map.copyOf(byYear);
    }

    /** This calendar with {@code replacements} taking the place of the years they name (an edited year replaces the shipped one). */
    public HolidayCalendar with(Collection<Year> replacements) {
        Map<Integer, Year> merged = new TreeMap<>(years);
        replacements.forEach(y -> merged.put(y.year(), y));
        return new HolidayCalendar(merged.values());
    }

    public Optional<Year> find(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether people work on this day: a weekday that is no holiday, or a make-up working day. */
    public boolean isWorkingDay(LocalDate day) {
        Year year = require(day.getYear());
        if (year.holidays().contains(day)) {
            return false;
        }
        if (year.workdays().contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    public Year require(int year) {
        Year known = years.get(year);
        if (known == null) {
            throw new YearNotLoadedException(year);
        }
        return known;
    }

    public boolean isLoaded(int year) {
        return years.containsKey(year);
    }

    public Set<Integer> provisionalYears() {
        return years.values().stream().filter(y -> y.status() == Status.PROVISIONAL).map(Year::year)
                .collect(Collectors.toCollection(HashSet::new));
    }

    public Set<Integer> loadedYears() {
        return years.keySet();
    }
}
