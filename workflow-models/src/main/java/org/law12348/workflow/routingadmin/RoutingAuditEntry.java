package org.law12348.workflow.routingadmin;

import java.time.Instant;

/** Who did what to the routing table, and when. */
public record RoutingAuditEntry(Instant at, String actor, String action, Integer version, String detail) {
}
