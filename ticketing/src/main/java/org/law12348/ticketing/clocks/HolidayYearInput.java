package org.law12348.ticketing.clocks;

import java.util.List;

/**
 * A year's holiday arrangement as an administrator sends it, unchecked: {@link HolidayCalendarService}
 * checks every field and names the one that is wrong.
 *
 * @param status OFFICIAL (copied from the State Council notice) or PROVISIONAL
 * @param days   each day once: a statutory holiday or a make-up working day on a weekend
 */
public record HolidayYearInput(String status, String source, List<Day> days) {

    /** One day: yyyy-MM-dd, HOLIDAY or WORKDAY, and its name (春节, 春节调休上班). */
    public record Day(String date, String kind, String name) {
    }
}
