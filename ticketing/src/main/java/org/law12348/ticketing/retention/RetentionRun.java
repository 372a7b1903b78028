package org.law12348.ticketing.retention;

import java.time.Instant;

/** What one retention run did: the cutoff it used and how many tickets it anonymised. */
public record RetentionRun(Instant startedAt, Instant finishedAt, Instant cutoff, int tickets, String trigger,
                           String actor) {
}
