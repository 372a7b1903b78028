package org.law12348.workflow.routingadmin;

import java.util.List;

/**
 * How version {@code to} of the routing table differs from version {@code from}, rule by rule (rules
 * are matched by id), every cell said with names: rules only in {@code to}, rules only in
 * {@code from}, and rules in both whose description or cells changed.
 */
public record RoutingDiff(int from, int to, List<RoutingRuleChange> added, List<RoutingRuleChange> removed,
                          List<RoutingRuleChange> changed) {

    /** A rule and its cells: all of them when added or removed, the changed ones otherwise. */
    public record RoutingRuleChange(String ruleId, int position, String description, List<RoutingCellChange> cells) {
    }

    /** A cell as it was and as it is; {@code before} is null for an added rule, {@code after} for a removed one. */
    public record RoutingCellChange(String column, String before, String after) {
    }
}
