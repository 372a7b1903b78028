package org.law12348.ticketing.clocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The holiday calendar every computation uses: the shipped files with the years administrators edited
 * laid over them. The node that saves an edit reloads at once ({@link HolidayCalendarService}); every node
 * reloads every {@code law12348.ticketing.holiday-calendar-refresh} (PT1M), so another node computes with
 * an edit at most that long after it was saved. The stored due dates are corrected by the saving node.
 */
@Component
public class HolidayArrangement {

    private static final Logger log = LoggerFactory.getLogger(HolidayArrangement.class);

    private final HolidayCalendar shipped = ShippedHolidays.load();
    private final HolidayCalendarEdits edits;
    private volatile HolidayCalendar current;

    HolidayArrangement(HolidayCalendarEdits edits) {
        this.edits = edits;
    }

    public HolidayCalendar current() {
        HolidayCalendar known = current;
        return known != null ? known : reload();
    }

    public HolidayCalendar shipped() {
        return shipped;
    }

    /** Reads the edited years again; answers the calendar now in use. */
    public HolidayCalendar reload() {
        HolidayCalendar merged = shipped.with(edits.all().stream().map(HolidayCalendarEdits.Edited::year).toList());
        current = merged;
        return merged;
    }

    @Scheduled(fixedDelayString = "${law12348.ticketing.holiday-calendar-refresh:PT1M}",
            initialDelayString = "${law12348.ticketing.holiday-calendar-refresh:PT1M}")
    void refresh() {
        try {
            reload();
        } catch (DataAccessException e) {
            // the calendar of the last reload stays in use; the next run tries again
            log.warn("Holiday calendar edits could not be reloaded: {}", e.getMessage());
        }
    }
}
