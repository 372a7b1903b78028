package org.law12348.workflow.routingadmin;

import java.io.Serializable;
import java.util.List;

/**
 * What the checks of a draft routing table found: the problems that forbid deploying it (empty
 * when it may be deployed), and, once replayed, how the recent tickets would route differently.
 */
public record DraftReport(List<String> problems, WhatIf whatIf) implements Serializable {

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The replay of the last {@code days} days: {@code changed} of {@code replayed} tickets would move. */
    public record WhatIf(int days, int replayed, int changed, List<Move> moves) implements Serializable {
    }

    /** How many replayed tickets would go from one unit (or queue) to another. */
    public record Move(String fromUnit, String fromQueue, String toUnit, String toQueue, int tickets)
            implements Serializable {
    }
}
