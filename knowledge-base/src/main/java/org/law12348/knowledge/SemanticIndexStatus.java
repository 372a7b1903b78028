package org.law12348.knowledge;

import java.time.Instant;

/**
 * Where the semantic half of the search stands, for administrators.
 *
 * @param state     {@code READY} (searches are hybrid), {@code BUILDING} (lexical only until done),
 *                  {@code FAILED} (the model cannot run here: searches stay lexical; {@code lastError} says why), {@code DISABLED}
 * @param model     the sentence-embedding model
 * @param published published FAQs the index should hold
 * @param indexed   FAQs in the index now
 * @param pending   FAQs waiting for their vector or their place in the index
 * @param computed  vectors computed since start (the others were read from the tables)
 * @param startedAt when the current build started
 * @param readyAt   when the index was first complete
 * @param lastError the last failure, if any
 */
public record SemanticIndexStatus(String state, String model, long published, long indexed, long pending,
                                  long computed, Instant startedAt, Instant readyAt, String lastError) {
}
