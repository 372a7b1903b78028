package org.law12348.ticketing.clocks;

/**
 * A clock with the rule of its type and what the rule makes of it today.
 *
 * @param rule      {@code null} when the newest clock-type table no longer has the clock's type
 * @param deadline  {@code null} exactly when {@code rule} is
 */
public record ClockReading(LegalClock clock, ClockRule rule, ComputedDeadline deadline) {

    public String name() {
        return rule == null ? clock.type() : rule.name();
    }
}
