package org.law12348.workflow.routingadmin;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.law12348.ticketing.RoutingQuery;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers the coverage check's question, "does some rule take this ticket?", from the cells alone.
 * A decision table matches a rule when every one of its input cells accepts the input, so each cell
 * needs judging once per value of the attribute it reads (a region, a business type, a kind, a
 * channel), not once per combination: the demo table's 1,656 combinations cost 1,656 evaluations
 * of all 69 rules before, and now about 2,000 single-cell verdicts and some boolean arithmetic.
 * Only tables whose inputs are the routing port's plain variables are read this way; a computed
 * input may combine attributes ({@link #of} is then empty and the caller evaluates the table).
 */
final class CoverageCases {

    /** What the routing port fills in, per input variable (see {@code RoutingDrafts.inputs}). */
    private static final Map<String, Function<RoutingQuery, String>> INPUTS = Map.of(
            "regionCode", q -> q.region().value(),
            "cityCode", q -> q.region().cityCode(),
            "provinceCode", q -> q.region().provinceCode(),
            "businessType", q -> q.businessType().name(),
            "kind", q -> q.kind().name(),
            "channel", q -> q.channel().name());
    private static final List<Set<String>> ATTRIBUTES = List.of(Set.of("regionCode", "cityCode", "provinceCode"),
            Set.of("businessType"), Set.of("kind"), Set.of("channel"));

    /** A ticket no rule takes, or one whose cells cannot be judged; null {@link #failure} means no rule. */
    record Gap(String failure) {
    }

    /** For one attribute value: which rules' cells reading it accept it, or why a cell could not judge it. */
    private record Verdicts(boolean[] accepts, String failure) {
    }

    private final RoutingTable table;
    private final FeelEngine feel;
    private final Map<String, Verdicts> judged = new HashMap<>();

    private CoverageCases(RoutingTable table, FeelEngine feel) {
        this.table = table;
        this.feel = feel;
    }

    static Optional<CoverageCases> of(RoutingTable table, FeelEngine feel) {
        boolean plain = table.inputs().stream().allMatch(c -> INPUTS.containsKey(c.name()))
                && table.rules().stream().allMatch(r -> r.conditions().size() == table.inputs().size());
        return plain ? Optional.of(new CoverageCases(table, feel)) : Optional.empty();
    }

    /** Empty when some rule takes the ticket. */
    Optional<Gap> gap(RoutingQuery query) {
        boolean[] taken = new boolean[table.rules().size()];
        Arrays.fill(taken, true);
        for (Set<String> attribute : ATTRIBUTES) {
            Verdicts verdicts = verdicts(attribute, query);
            if (verdicts.failure() != null) {
                return Optional.of(new Gap(verdicts.failure()));
            }
            for (int r = 0; r < taken.length; r++) {
                taken[r] &= verdicts.accepts()[r];
            }
        }
        for (boolean t : taken) {
            if (t) {
                return Optional.empty();
            }
        }
        return Optional.of(new Gap(null));
    }

    private Verdicts verdicts(Set<String> attribute, RoutingQuery query) {
        StringBuilder key = new StringBuilder();
        attribute.stream().sorted().forEach(name -> key.append(name).append('=').append(INPUTS.get(name).apply(query))
                .append(';'));
        return judged.computeIfAbsent(key.toString(), k -> judge(attribute, query));
    }

    private Verdicts judge(Set<String> attribute, RoutingQuery query) {
        boolean[] accepts = new boolean[table.rules().size()];
        for (int r = 0; r < accepts.length; r++) {
            accepts[r] = true;
            List<String> cells = table.rules().get(r).conditions();
            for (int c = 0; c < cells.size(); c++) {
                String name = table.inputs().get(c).name();
                String cell = cells.get(c);
                if (!attribute.contains(name) || cell.isBlank() || cell.equals("-")) {
                    continue;
                }
                try {
                    accepts[r] &= feel.evaluateSimpleUnaryTests(cell, "cellInput",
                            Variables.createVariables().putValue("cellInput", INPUTS.get(name).apply(query))
                                    .asVariableContext());
                } catch (RuntimeException e) {
                    // stricter than the engine, which skips a rule's later cells once one says no: a cell
                    // that cannot judge a value the port sends is a fault in the draft either way
                    return new Verdicts(accepts, RoutingTables.brief(e));
                }
            }
        }
        return new Verdicts(accepts, null);
    }
}
