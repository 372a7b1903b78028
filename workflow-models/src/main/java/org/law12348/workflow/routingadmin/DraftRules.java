package org.law12348.workflow.routingadmin;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketKind;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a routing table must keep to go live: the four outputs the routing port reads, every
 * rule's unit an existing active unit and its queue a known one, and every business type routed for
 * every kind and channel in every region a unit serves and outside the province.
 */
@Component
class DraftRules {

    static final List<String> OUTPUTS = List.of("handlingUnit", "queue", "deadlineHours", "ruleId");
    private static final Pattern LITERAL = Pattern.compile("^\"([^\"]+)\"$");
    /** A county outside any province the demo units serve, for the fallback rows. */
    private static final RegionCode OUTSIDE = new RegionCode("110101");

    private final HandlingUnits units;

    DraftRules(HandlingUnits units) {
        this.units = units;
    }

    List<String> check(RoutingTable table, Function<RoutingQuery, DmnDecisionResultEntries> evaluate) {
        List<String> problems = new ArrayList<>();
        if (table.outputLabels().size() != OUTPUTS.size()) {
            problems.add("决策表应有4个输出：承办单位、队列、办理时限、规则编号");
            return problems;
        }
        Set<String> active = new LinkedHashSet<>();
        units.findByActiveTrueOrderByRegionCodeAscCodeAsc().forEach(u -> active.add(u.code()));
        for (RoutingTable.Rule rule : table.rules()) {
            Matcher unit = LITERAL.matcher(rule.outputs().get(0));
            if (!unit.matches()) {
                problems.add("规则 " + rule.id() + " 的承办单位应写成带引号的单位编码");
            } else if (!active.contains(unit.group(1))) {
                problems.add("规则 " + rule.id() + " 指向的承办单位 " + unit.group(1) + " 不存在或已停用");
            }
            Matcher queue = LITERAL.matcher(rule.outputs().get(1));
            if (!queue.matches() || !isQueue(queue.group(1))) {
                problems.add("规则 " + rule.id() + " 的队列只能是 \"VOLUNTEER_POOL\" 或 \"UNIT\"");
            }
        }
        problems.addAll(coverage(evaluate));
        return problems;
    }

    /** One problem per business type that some kind, channel and region leave unrouted. */
    private List<String> coverage(Function<RoutingQuery, DmnDecisionResultEntries> evaluate) {
        Set<RegionCode> regions = new LinkedHashSet<>();
        // One region per city (and province) a unit serves: rules discriminate at city level at the finest,
        // except county rows, which the city rows behind them must still cover.
        units.findByActiveTrueOrderByRegionCodeAscCodeAsc().stream().map(HandlingUnit::region)
                .map(r -> r.isProvince() ? r : r.city()).forEach(regions::add);
        regions.add(OUTSIDE);
        List<String> problems = new ArrayList<>();
        for (BusinessType type : BusinessType.values()) {
            String gap = firstGap(type, regions, evaluate);
            if (gap != null) {
                problems.add("业务类型「" + type.chineseName() + "」" + gap);
            }
        }
        return problems;
    }

    private static String firstGap(BusinessType type, Set<RegionCode> regions,
                                   Function<RoutingQuery, DmnDecisionResultEntries> evaluate) {
        for (RegionCode region : regions) {
            for (TicketKind kind : TicketKind.values()) {
                for (Channel channel : Channel.values()) {
                    try {
                        if (evaluate.apply(new RoutingQuery(region, type, kind, channel)) == null) {
                            return "在 " + region.value() + "（" + kind.chineseName() + "，" + channel.chineseName()
                                    + "）没有匹配的规则";
                        }
                    } catch (RuntimeException e) {
                        return "在 " + region.value() + " 求值出错：" + RoutingTables.brief(e);
                    }
                }
            }
        }
        return null;
    }

    private static boolean isQueue(String value) {
        for (RoutingQueue q : RoutingQueue.values()) {
            if (q.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
