package org.law12348.ticketing;

/** What the routing rules decide on. */
public record RoutingQuery(RegionCode region, BusinessType businessType, TicketKind kind, Channel channel) {
}
