package org.law12348.workflow.routingadmin;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketKind;
import org.law12348.workflow.routingadmin.CoverageCases.Gap;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a routing table must keep to go live: the four outputs the routing port reads, every
 * condition valid FEEL, every rule's unit an existing active unit, its queue a known one and its
 * deadline whole hours, and every business type routed for every kind and channel in every region a
 * unit serves and outside the province. Each problem names the rule and column it is about.
 */
@Component
class DraftRules {

    static final List<String> OUTPUTS = List.of("handlingUnit", "queue", "deadlineHours", "ruleId");
    static final Pattern LITERAL = Pattern.compile("^\"([^\"]+)\"$");
    static final Pattern HOURS = Pattern.compile("^[1-9]\\d{0,4}$");
    /** A county outside any province the demo units serve, for the fallback rows. */
    static final RegionCode OUTSIDE = new RegionCode("110101");

    private final HandlingUnits units;
    private final RoutingNames names;

    DraftRules(HandlingUnits units, RoutingNames names) {
        this.units = units;
        this.names = names;
    }

    List<DraftReport.DraftProblem> check(RoutingTable table, FeelEngine feel,
                                    Function<RoutingQuery, DmnDecisionResultEntries> evaluate) {
        List<DraftReport.DraftProblem> problems = new ArrayList<>();
        if (!table.outputs().stream().map(RoutingTable.Column::name).toList().equals(OUTPUTS)) {
            problems.add(DraftReport.DraftProblem.ofTable("决策表应依次有4个输出：承办单位、队列、办理时限、规则编号"));
            return problems;
        }
        Set<String> active = new LinkedHashSet<>();
        units.findByActiveTrueOrderByRegionCodeAscCodeAsc().forEach(u -> active.add(u.code()));
        for (int i = 0; i < table.rules().size(); i++) {
            RoutingTable.Rule rule = table.rules().get(i);
            Cells cells = new Cells(table, rule, i + 1, problems);
            if (rule.conditions().size() != table.inputs().size() || rule.outputs().size() != OUTPUTS.size()) {
                problems.add(new DraftReport.DraftProblem(rule.id(), i + 1, null, null,
                        "第" + (i + 1) + "行（" + rule.id() + "）的格数与表头的列数不一致"));
                continue;
            }
            conditions(table, rule, feel, cells);
            outputs(rule, active, cells);
        }
        // a cell FEEL cannot read fails every evaluation: the replay would only repeat it for each type
        if (problems.isEmpty()) {
            // judged from the cells when the table reads the port's plain variables, else by evaluating it
            Function<RoutingQuery, Optional<Gap>> gapOf = CoverageCases.of(table, feel)
                    .<Function<RoutingQuery, Optional<Gap>>>map(cases -> cases::gap)
                    .orElse(query -> evaluated(evaluate, query));
            problems.addAll(coverage(gapOf));
        }
        return problems;
    }

    static void conditions(RoutingTable table, RoutingTable.Rule rule, FeelEngine feel, Cells cells) {
        for (int c = 0; c < rule.conditions().size() && c < table.inputs().size(); c++) {
            String condition = rule.conditions().get(c);
            if (condition.isBlank() || condition.equals("-")) {
                continue;
            }
            try {
                feel.evaluateSimpleUnaryTests(condition, "cellInput",
                        Variables.createVariables().putValue("cellInput", "").asVariableContext());
            } catch (RuntimeException e) {
                cells.add(table.inputs().get(c), "条件无法识别（" + RoutingTables.brief(e) + "）；文字值请加英文双引号，多个值用英文逗号分隔");
            }
        }
    }

    private void outputs(RoutingTable.Rule rule, Set<String> active, Cells cells) {
        Matcher unit = LITERAL.matcher(rule.outputs().get(0));
        if (!unit.matches()) {
            cells.add(0, "承办单位应写成带英文双引号的单位编码");
        } else if (!active.contains(unit.group(1))) {
            cells.add(0, "承办单位 " + unit.group(1) + " 不存在或已停用");
        }
        Matcher queue = LITERAL.matcher(rule.outputs().get(1));
        if (!queue.matches() || !isQueue(queue.group(1))) {
            cells.add(1, "队列只能是 \"VOLUNTEER_POOL\"（" + RoutingQueue.VOLUNTEER_POOL.chineseName()
                    + "）或 \"UNIT\"（" + RoutingQueue.UNIT.chineseName() + "）");
        }
        if (!HOURS.matcher(rule.outputs().get(2)).matches()) {
            cells.add(2, "办理时限应为正整数小时数");
        }
        if (!LITERAL.matcher(rule.outputs().get(3)).matches()) {
            cells.add(3, "规则编号应写成带英文双引号的文字");
        }
    }

    /** One problem per business type that some kind, channel and region leave unrouted. */
    private static Optional<Gap> evaluated(Function<RoutingQuery, DmnDecisionResultEntries> evaluate,
                                           RoutingQuery query) {
        try {
            return evaluate.apply(query) == null ? Optional.of(new Gap(null)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new Gap(RoutingTables.brief(e)));
        }
    }

    private List<DraftReport.DraftProblem> coverage(Function<RoutingQuery, Optional<Gap>> gapOf) {
        Set<RegionCode> regions = servedRegions(units);
        List<DraftReport.DraftProblem> problems = new ArrayList<>();
        for (BusinessType type : BusinessType.values()) {
            String gap = firstGap(type, regions, gapOf);
            if (gap != null) {
                problems.add(DraftReport.DraftProblem.ofTable("业务类型「" + type.chineseName() + "」" + gap));
            }
        }
        return problems;
    }

    private String firstGap(BusinessType type, Set<RegionCode> regions, Function<RoutingQuery, Optional<Gap>> gapOf) {
        for (RegionCode region : regions) {
            for (TicketKind kind : TicketKind.values()) {
                for (Channel channel : Channel.values()) {
                    Optional<Gap> gap = gapOf.apply(new RoutingQuery(region, type, kind, channel));
                    if (gap.isPresent()) {
                        return gap.get().failure() == null
                                ? "在" + names.region(region) + "（" + kind.chineseName() + "，" + channel.chineseName()
                                        + "）没有匹配的规则"
                                : "在" + names.region(region) + "求值出错：" + gap.get().failure();
                    }
                }
            }
        }
        return null;
    }

    /**
     * One region per city (and province) a unit serves, and one outside them: rules discriminate at city
     * level at the finest, except county rows, which the city rows behind them must still cover.
     */
    static Set<RegionCode> servedRegions(HandlingUnits units) {
        Set<RegionCode> regions = new LinkedHashSet<>();
        units.findByActiveTrueOrderByRegionCodeAscCodeAsc().stream().map(HandlingUnit::region)
                .map(r -> r.isProvince() ? r : r.city()).forEach(regions::add);
        regions.add(OUTSIDE);
        return regions;
    }

    private static boolean isQueue(String value) {
        for (RoutingQueue q : RoutingQueue.values()) {
            if (q.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Collects the problems of one rule, each pointing at its cell. */
    record Cells(RoutingTable table, RoutingTable.Rule rule, int index, List<DraftReport.DraftProblem> problems) {

        void add(RoutingTable.Column column, String message) {
            problems.add(new DraftReport.DraftProblem(rule.id(), index, column.id(), column.label(),
                    "第" + index + "行（" + rule.id() + "）「" + column.label() + "」：" + message));
        }

        void add(int output, String message) {
            add(table.outputs().get(output), message);
        }
    }
}
