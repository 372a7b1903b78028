package org.law12348.workflow.routingadmin;

import java.time.Instant;

/**
 * One deployed version of the routing table; the highest is the one new tickets use. {@code actor}
 * and {@code comment} come from the routing audit: who deployed it and why (a version the application
 * deployed itself at start-up has no actor).
 */
public record RoutingVersion(int version, String decisionId, Instant deployedAt, boolean current,
                             String actor, String comment) {
}
