package org.law12348.workflow.routingadmin;

import java.io.Serializable;
import java.util.List;

/**
 * What the checks of a draft routing table found: the problems that forbid deploying it (empty
 * when it may be deployed), and, once replayed, how the recent tickets would route differently.
 */
public record DraftReport(List<DraftProblem> problems, DraftWhatIf whatIf) implements Serializable {

    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * One reason the draft may not go live, pointing at the cell it is about so an editor can mark it:
     * the rule's id and 1-based position, and the column's element id and label. A problem of the whole
     * table (a business type left unrouted somewhere) has no rule; one of a whole rule has no column.
     */
    public record DraftProblem(String ruleId, Integer ruleIndex, String columnId, String columnLabel, String message)
            implements Serializable {

        static DraftProblem ofTable(String message) {
            return new DraftProblem(null, null, null, null, message);
        }
    }

    /** The replay of the last {@code days} days: {@code changed} of {@code replayed} tickets would move. */
    public record DraftWhatIf(int days, int replayed, int changed, List<DraftMove> moves) implements Serializable {
    }

    /**
     * How many replayed tickets would go from one unit (or queue) to another, said with names, the
     * regions they came from and a few of their numbers as examples.
     */
    public record DraftMove(String fromUnit, String fromUnitName, String fromQueue, String fromQueueName,
                       String toUnit, String toUnitName, String toQueue, String toQueueName, int tickets,
                       List<String> regions, List<String> examples) implements Serializable {
    }
}
