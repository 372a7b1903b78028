package org.law12348.ticketing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The call backs owed to a citizen on their tickets, for the channels that show them (mini-programs).
 * Telephony implements it; without telephony there is no implementation and nobody is owed a call.
 */
public interface CitizenCallbacks {

    /** One call back as the citizen sees it. */
    record Callback(String ticketNumber, String status, String statusName, Instant dueAt) {
    }

    /** The call backs on these tickets, the latest due first. */
    List<Callback> onTickets(Collection<String> ticketNumbers);
}
