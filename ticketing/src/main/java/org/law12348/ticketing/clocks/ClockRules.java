package org.law12348.ticketing.clocks;

import java.util.List;
import java.util.Optional;

/**
 * The clock-type table port: ticketing asks how a kind of legal period is computed without knowing how
 * the table is kept. The workflow module implements it with the {@code legal-clock-types} DMN decision,
 * so the provincial centre changes periods and reminder offsets without a release.
 */
public interface ClockRules {

    /** The rule for a clock type, or empty when the table has no row for it (unknown type). */
    Optional<ClockRule> find(String type);

    /** Every clock type the newest table knows, in table order. */
    List<ClockRule> all();

    /** A fixed table, for module tests and tools that run without the workflow module's DMN decision. */
    static ClockRules of(List<ClockRule> rules) {
        List<ClockRule> table = List.copyOf(rules);
        return new ClockRules() {
            @Override
            public Optional<ClockRule> find(String type) {
                return table.stream().filter(rule -> rule.type().equals(type)).findFirst();
            }

            @Override
            public List<ClockRule> all() {
                return table;
            }
        };
    }
}
