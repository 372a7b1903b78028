package org.law12348.ticketing;

import java.time.Instant;

/**
 * What intake answers: the ticket's number and route, and the tracking token the citizen keeps to
 * follow it. {@code created} is false when the submission was a retry of one already taken in.
 */
public record IntakeResult(String ticketNumber, TicketStatus status, String handlingUnit, String handlingUnitName,
                           RoutingQueue queue, Instant dueAt, String trackingToken, boolean created) {
}
