package org.law12348.ticketing.clocks;

import java.time.LocalDate;

/**
 * An interruption on {@code date}, or a suspension from {@code date} until the cause is removed on
 * {@code endDate} ({@code null} while it lasts).
 */
public record ClockEvent(ClockEventKind kind, LocalDate date, LocalDate endDate) {

    public ClockEvent {
        if (kind == null || date == null) {
            throw new IllegalArgumentException("A clock event needs a kind and a date");
        }
        if (kind == ClockEventKind.INTERRUPTION && endDate != null) {
            throw new IllegalArgumentException("An interruption has no end date");
        }
        if (endDate != null && endDate.isBefore(date)) {
            throw new IllegalArgumentException("A suspension cannot end before it starts");
        }
    }

    public static ClockEvent interruption(LocalDate date) {
        return new ClockEvent(ClockEventKind.INTERRUPTION, date, null);
    }

    public static ClockEvent suspension(LocalDate from, LocalDate until) {
        return new ClockEvent(ClockEventKind.SUSPENSION, from, until);
    }
}
