package org.law12348.workflow.routingadmin;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.UnitType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The rules the routing table's hand-over decision ({@code outsourced-handover}: where a question the
 * volunteer pool left unanswered goes) must keep to go live: its three outputs, every condition valid
 * FEEL, every unit an active outsourced service unit, deadlines in whole hours, and a row for every city a
 * unit serves and for outside the province. Its problems name the decision, so an editor can tell them
 * from the routing table's.
 */
@Component
class HandOverRules {

    static final List<String> OUTPUTS = List.of("handlingUnit", "deadlineHours", "ruleId");
    static final String NAME = "「24小时无人答复转交」";

    private final HandlingUnits units;
    private final RoutingNames names;

    HandOverRules(HandlingUnits units, RoutingNames names) {
        this.units = units;
        this.names = names;
    }

    List<DraftReport.DraftProblem> check(RoutingTable table, FeelEngine feel,
                                         Function<RoutingQuery, DmnDecisionResultEntries> evaluate) {
        List<DraftReport.DraftProblem> problems = new ArrayList<>();
        if (!table.outputs().stream().map(RoutingTable.Column::name).toList().equals(OUTPUTS)) {
            problems.add(DraftReport.DraftProblem.ofTable(NAME + "决策表应依次有3个输出：转交单位、办理时限、规则编号"));
            return problems;
        }
        Set<String> outsourced = units.findByActiveTrueOrderByRegionCodeAscCodeAsc().stream()
                .filter(unit -> unit.type() == UnitType.OUTSOURCED).map(HandlingUnit::code)
                .collect(Collectors.toSet());
        for (int i = 0; i < table.rules().size(); i++) {
            RoutingTable.Rule rule = table.rules().get(i);
            List<DraftReport.DraftProblem> found = new ArrayList<>();
            DraftRules.Cells cells = new DraftRules.Cells(table, rule, i + 1, found);
            if (rule.conditions().size() != table.inputs().size() || rule.outputs().size() != OUTPUTS.size()) {
                found.add(new DraftReport.DraftProblem(rule.id(), i + 1, null, null,
                        "第" + (i + 1) + "行（" + rule.id() + "）的格数与表头的列数不一致"));
            } else {
                DraftRules.conditions(table, rule, feel, cells);
                outputs(rule, outsourced, cells);
            }
            found.forEach(p -> problems.add(new DraftReport.DraftProblem(p.ruleId(), p.ruleIndex(), p.columnId(),
                    p.columnLabel(), NAME + p.message())));
        }
        if (problems.isEmpty()) {
            problems.addAll(coverage(evaluate));
        }
        return problems;
    }

    private static void outputs(RoutingTable.Rule rule, Set<String> outsourced, DraftRules.Cells cells) {
        Matcher unit = DraftRules.LITERAL.matcher(rule.outputs().get(0));
        if (!unit.matches()) {
            cells.add(0, "转交单位应写成带英文双引号的单位编码");
        } else if (!outsourced.contains(unit.group(1))) {
            cells.add(0, "转交单位 " + unit.group(1) + " 不是启用中的外包服务单位");
        }
        if (!DraftRules.HOURS.matcher(rule.outputs().get(1)).matches()) {
            cells.add(1, "办理时限应为正整数小时数");
        }
        if (!DraftRules.LITERAL.matcher(rule.outputs().get(2)).matches()) {
            cells.add(2, "规则编号应写成带英文双引号的文字");
        }
    }

    /** Every city a unit serves, and outside the province, must find a row. */
    private List<DraftReport.DraftProblem> coverage(Function<RoutingQuery, DmnDecisionResultEntries> evaluate) {
        for (RegionCode region : DraftRules.servedRegions(units)) {
            // the decision reads the region only; the other parts of the query are any
            RoutingQuery query = new RoutingQuery(region, BusinessType.LEGAL_CONSULTATION, TicketKind.CONSULTATION,
                    Channel.WEB);
            String gap;
            try {
                gap = evaluate.apply(query) == null ? "没有匹配的规则" : null;
            } catch (RuntimeException e) {
                gap = "求值出错：" + RoutingTables.brief(e);
            }
            if (gap != null) {
                return List.of(DraftReport.DraftProblem.ofTable(NAME + "在" + names.region(region) + gap));
            }
        }
        return List.of();
    }
}
