package org.law12348.ticketing.retention;

/**
 * Personal data another module keeps and deletes on a clock of its own (e.g. mini-program accounts nobody
 * signs in to), run by {@link RetentionJob} once per retention run, scheduled or asked for by an
 * administrator, after the tickets. Ticketing owns the port so that the modules depending on it join
 * the run without ticketing depending on them; each run records what every participant did.
 */
public interface RetentionParticipant {

    /**
     * A stable English key recorded with each run, unique among the participants, at most 64 characters,
     * e.g. {@code miniapp.unusedAccounts}.
     */
    String name();

    /** What it deletes, in Chinese, shown to administrators beside the count; at most 200 characters. */
    String description();

    /** Deletes whatever is due now, in transactions of its own, and audits it; returns how many went. */
    int deleteDue(String actor);
}
