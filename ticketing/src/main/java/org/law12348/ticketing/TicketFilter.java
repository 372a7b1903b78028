package org.law12348.ticketing;

import java.time.LocalDate;

/**
 * Filters of the staff ticket list; {@code null} means "any". A region filter matches the division
 * and everything inside it (440000 → the province, 440100 → the city, 440106 → the district).
 * {@code legalDeadlineBy}: only tickets with a citizen's legal deadline from today up to that day.
 */
public record TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                           Channel channel, String handlingUnit, RoutingQueue queue, String assignee,
                           Boolean overdue, DeadlineState deadline, LocalDate legalDeadlineBy) {

    /** The filters without a legal-deadline filter. */
    public TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                        Channel channel, String handlingUnit, RoutingQueue queue, String assignee, Boolean overdue,
                        DeadlineState deadline) {
        this(region, businessType, kind, status, channel, handlingUnit, queue, assignee, overdue, deadline, null);
    }

    /** The filters without a deadline state, as the JSON API has always taken them. */
    public TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                        Channel channel, String handlingUnit, RoutingQueue queue, String assignee, Boolean overdue) {
        this(region, businessType, kind, status, channel, handlingUnit, queue, assignee, overdue, null);
    }

    /** No filter at all. */
    public static TicketFilter any() {
        return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null);
    }
}
