package org.law12348.workflow.routingadmin;

/**
 * A new version of the routing table was deployed on this node. The routing port forgets which version
 * it thought was the newest once the deployment commits; other nodes notice within their refresh interval.
 */
public record RoutingTableDeployed(int version) {
}
