package org.law12348.ticketing.retention;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one retention run did: the cutoff it used, how many tickets it anonymised and what each
 * {@link RetentionParticipant} deleted.
 */
public record RetentionRun(Instant startedAt, Instant finishedAt, Instant cutoff, int tickets, String trigger,
                           String actor, List<Participation> participants) {

    public RetentionRun {
        // by name, so the answer to a run lists them as the record of it does
        participants = participants.stream().sorted(Comparator.comparing(Participation::name)).toList();
    }

    RetentionRun withParticipants(List<Participation> participants) {
        return new RetentionRun(startedAt, finishedAt, cutoff, tickets, trigger, actor, participants);
    }

    /**
     * What one participant did in the run.
     *
     * @param deleted how many records it deleted; 0 when it failed
     * @param failed  it threw: the others still ran, and it tries again in the next run
     */
    public record Participation(String name, String description, int deleted, boolean failed) {
    }
}
