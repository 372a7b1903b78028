package org.law12348.workflow.routingadmin;

import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two deployed versions of the routing table in names (see {@link RoutingDiff}). */
@Service
public class RoutingDiffs {

    private final RoutingDeployments deployments;
    private final RoutingNames names;

    RoutingDiffs(RoutingDeployments deployments, RoutingNames names) {
        this.deployments = deployments;
        this.names = names;
    }

    public RoutingDiff between(int from, int to) {
        RoutingTable before = RoutingTables.read(deployments.xml(from));
        RoutingTable after = RoutingTables.read(deployments.xml(to));
        Map<String, Positioned> old = byId(before);
        Map<String, Positioned> now = byId(after);
        List<RoutingDiff.RoutingRuleChange> added = new ArrayList<>();
        List<RoutingDiff.RoutingRuleChange> changed = new ArrayList<>();
        now.forEach((id, rule) -> {
            Positioned was = old.get(id);
            if (was == null) {
                added.add(change(rule, cells(after, rule.rule, null, null)));
            } else {
                List<RoutingDiff.RoutingCellChange> cells = cells(after, rule.rule, before, was.rule);
                if (!cells.isEmpty()) {
                    changed.add(change(rule, cells));
                }
            }
        });
        List<RoutingDiff.RoutingRuleChange> removed = old.entrySet().stream().filter(e -> !now.containsKey(e.getKey()))
                .map(e -> change(e.getValue(), cells(before, e.getValue().rule, null, null).stream()
                        .map(c -> new RoutingDiff.RoutingCellChange(c.column(), c.after(), null)).toList()))
                .toList();
        return new RoutingDiff(from, to, added, removed, changed);
    }

    /** The cells of {@code rule} that differ from {@code was} (all its non-blank cells when there was none). */
    private List<RoutingDiff.RoutingCellChange> cells(RoutingTable table, RoutingTable.Rule rule,
                                               RoutingTable oldTable, RoutingTable.Rule was) {
        List<RoutingDiff.RoutingCellChange> cells = new ArrayList<>();
        if (was != null && !was.description().equals(rule.description())) {
            cells.add(new RoutingDiff.RoutingCellChange("说明", was.description(), rule.description()));
        }
        compare(table.inputs(), rule.conditions(), was == null ? null : oldTable.inputs(),
                was == null ? null : was.conditions(), cells);
        compare(table.outputs(), rule.outputs(), was == null ? null : oldTable.outputs(),
                was == null ? null : was.outputs(), cells);
        return cells;
    }

    private void compare(List<RoutingTable.Column> columns, List<String> values, List<RoutingTable.Column> oldColumns,
                         List<String> oldValues, List<RoutingDiff.RoutingCellChange> cells) {
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
            String value = values.get(i);
            if (oldValues == null) {
                if (!value.isBlank()) {
                    cells.add(new RoutingDiff.RoutingCellChange(columns.get(i).label(), null, names.cell(value)));
                }
                continue;
            }
            String old = valueOf(columns.get(i), oldColumns, oldValues);
            if (!value.equals(old)) {
                cells.add(new RoutingDiff.RoutingCellChange(columns.get(i).label(), names.cell(old), names.cell(value)));
            }
        }
    }

    /** The old value of the column with the same id: columns may have been added or moved between versions. */
    private static String valueOf(RoutingTable.Column column, List<RoutingTable.Column> columns, List<String> values) {
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
            if (columns.get(i).id().equals(column.id())) {
                return values.get(i);
            }
        }
        return "";
    }

    private RoutingDiff.RoutingRuleChange change(Positioned rule, List<RoutingDiff.RoutingCellChange> cells) {
        return new RoutingDiff.RoutingRuleChange(rule.rule.id(), rule.position, rule.rule.description(), cells);
    }

    private static Map<String, Positioned> byId(RoutingTable table) {
        Map<String, Positioned> rules = new LinkedHashMap<>();
        for (int i = 0; i < table.rules().size(); i++) {
            rules.putIfAbsent(table.rules().get(i).id(), new Positioned(table.rules().get(i), i + 1));
        }
        return rules;
    }

    private record Positioned(RoutingTable.Rule rule, int position) {
    }
}
