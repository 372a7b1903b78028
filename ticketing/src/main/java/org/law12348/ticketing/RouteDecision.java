package org.law12348.ticketing;

/**
 * Where a ticket goes: the handling unit's code, the queue that picks it up, how many hours the unit
 * has, and the id of the rule that decided (for the timeline and for what-if comparisons).
 */
public record RouteDecision(String handlingUnit, RoutingQueue queue, int deadlineHours, String ruleId) {

    public RouteDecision {
        if (handlingUnit == null || handlingUnit.isBlank()) {
            throw new IllegalArgumentException("A route needs a handling unit");
        }
        if (queue == null) {
            throw new IllegalArgumentException("A route needs a queue");
        }
        if (deadlineHours <= 0) {
            throw new IllegalArgumentException("A route needs a positive deadline, got " + deadlineHours);
        }
    }
}
