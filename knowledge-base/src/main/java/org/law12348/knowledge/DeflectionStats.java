package org.law12348.knowledge;

import java.time.LocalDate;

/**
 * How often the knowledge base solved a citizen's problem without a ticket, over whole days.
 *
 * @param rate deflections per search (0 when there were no searches)
 */
public record DeflectionStats(LocalDate from, LocalDate to, long deflections, long searches, double rate) {
}
