package org.law12348.ticketing;

import java.util.Optional;

/**
 * The routing port: ticketing asks where a ticket goes without knowing how the rules are kept.
 * The workflow module implements it with the {@code ticket-routing} DMN table.
 */
public interface TicketRouting {

    /**
     * Decides the route for a ticket with these properties. Has no side effects and is fast enough
     * to call inside the intake transaction.
     *
     * @throws NoRouteException when no rule matches (a broken routing table, never bad input)
     */
    RouteDecision decide(RoutingQuery query);

    /**
     * Where a question with these properties goes when nobody in the volunteer pool answered it in time
     * (the routing table's {@code outsourced-handover} decision): its unit and the unit's deadline. Empty
     * when the table in force has no such decision, or no row of it matches; ticketing then chooses by
     * its built-in rule.
     */
    default Optional<RouteDecision> handOverTarget(RoutingQuery query) {
        return Optional.empty();
    }

    /** No routing rule matched; the table needs a fallback row. */
    class NoRouteException extends RuntimeException {
        public NoRouteException(RoutingQuery query) {
            super("No routing rule matches " + query);
        }
    }
}
