package org.law12348.ticketing.clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A legal clock as staff recorded it on a ticket: the type, the day of the triggering event, and the
 * interruptions, suspensions and resumptions since, in the order they happened.
 *
 * @param storedDueDate the due date last computed and stored (for sorting and reminders); {@code null}
 *                      when none was known. Reads compute the date afresh.
 */
public record LegalClock(long id, String ticketNumber, String type, LocalDate triggerDate, List<RecordedEvent> events,
                         String updatedBy, Instant updatedAt, LocalDate storedDueDate) {

    /** What staff recorded: an interruption, the start of a suspension, or the removal of its cause. */
    public enum EventKind {
        INTERRUPTION("时效中断"),
        SUSPENSION("时效中止"),
        RESUMPTION("中止原因消除");

        private final String chinese;

        EventKind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public record RecordedEvent(long id, EventKind kind, LocalDate date, String recordedBy, Instant recordedAt) {
    }

    public LegalClock {
        events = List.copyOf(events);
    }

    /** Whether the last suspension still waits for its cause to be removed. */
    public boolean suspended() {
        boolean open = false;
        for (RecordedEvent e : events) {
            if (e.kind() == EventKind.SUSPENSION) {
                open = true;
            } else if (e.kind() == EventKind.RESUMPTION) {
                open = false;
            }
        }
        return open;
    }

    /** The events as the computation reads them: each suspension paired with the resumption after it. */
    public List<ClockEvent> computationEvents() {
        List<ClockEvent> out = new ArrayList<>();
        LocalDate suspendedFrom = null;
        for (RecordedEvent e : events) {
            switch (e.kind()) {
                case INTERRUPTION -> out.add(ClockEvent.interruption(e.date()));
                case SUSPENSION -> suspendedFrom = e.date();
                case RESUMPTION -> {
                    out.add(ClockEvent.suspension(suspendedFrom, e.date()));
                    suspendedFrom = null;
                }
            }
        }
        if (suspendedFrom != null) {
            out.add(ClockEvent.suspension(suspendedFrom, null));
        }
        return out;
    }

    /** The day of the latest event, or the trigger date: a new event cannot be earlier. */
    public LocalDate lastEventDate() {
        return events.isEmpty() ? triggerDate : events.get(events.size() - 1).date();
    }
}
