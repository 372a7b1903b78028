package org.law12348.ticketing;

/**
 * What other modules may ask about a citizen's tracking token: whether it opens a ticket. How tokens
 * are made and kept stays inside ticketing.
 */
public interface TrackingTokenCheck {

    /**
     * True when {@code presented} is the token of the ticket {@code ticketNumber} and the ticket is
     * open or closed less than the configured validity ago. Never throws for a wrong or blank token.
     */
    boolean matches(String ticketNumber, String presented);
}
