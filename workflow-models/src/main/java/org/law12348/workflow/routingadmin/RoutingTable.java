package org.law12348.workflow.routingadmin;

import java.util.List;

/**
 * A version of the {@code ticket-routing} decision table as people read it: the column labels and,
 * per rule, its description, its conditions (one per input, blank meaning "any") and its outputs.
 */
public record RoutingTable(List<String> inputLabels, List<String> outputLabels, List<Rule> rules) {

    /** One row of the table, in the order the FIRST hit policy tries them. */
    public record Rule(String id, String description, List<String> conditions, List<String> outputs) {
    }
}
