package org.law12348.ticketing.clocks;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules of computation make of a clock.
 *
 * @param startedOn  the day counting starts from: the trigger date or the last interruption
 * @param periodEnd  the last day by the calendar alone (after suspensions), before any holiday moves it;
 *                   {@code null} while a suspension lasts or when working days of an unloaded year are counted
 * @param dueDate    the last day the law allows; {@code null} unless {@code state} is {@link State#DUE}
 * @param warnings   Chinese sentences the reader must see beside the date (provisional calendar, …)
 * @param missingYear the year whose holiday arrangement is not loaded; {@code null} unless {@code state} is
 *                    {@link State#CALENDAR_MISSING}
 */
public record ComputedDeadline(State state, LocalDate startedOn, LocalDate periodEnd, LocalDate dueDate,
                               List<String> warnings, Integer missingYear) {

    public enum State {
        /** The due date is known. */
        DUE,
        /** A suspension has no end yet: the period is paused. */
        SUSPENDED,
        /** The holiday arrangement of a year the period reaches is not loaded: no date is claimed. */
        CALENDAR_MISSING
    }

    public ComputedDeadline {
        warnings = List.copyOf(warnings);
        if ((state == State.DUE) != (dueDate != null)) {
            throw new IllegalArgumentException("A due date exactly when the state is DUE");
        }
        if ((state == State.CALENDAR_MISSING) != (missingYear != null)) {
            throw new IllegalArgumentException("A missing year exactly when the state is CALENDAR_MISSING");
        }
    }
}
