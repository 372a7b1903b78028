package org.law12348.workflow.routingadmin;

import java.util.List;

/**
 * A version of the {@code ticket-routing} decision table as people read it: the columns and, per
 * rule, its description, its conditions (one per input, blank meaning "any") and its outputs.
 */
public record RoutingTable(List<Column> inputs, List<Column> outputs, List<Rule> rules) {

    /** An input or output column: its element id (as the editor marks cells), label and variable name. */
    public record Column(String id, String label, String name) {
    }

    /** One row of the table, in the order the FIRST hit policy tries them. */
    public record Rule(String id, String description, List<String> conditions, List<String> outputs) {
    }
}
