package org.law12348.workflow.routingadmin;

import java.time.Instant;

/** One deployed version of the routing table; the highest is the one new tickets use. */
public record RoutingVersion(int version, String decisionId, String deploymentName, Instant deployedAt,
                             boolean current) {
}
