package org.law12348.ticketing;

/**
 * A ticket's personal data was removed. Published synchronously inside the anonymising transaction,
 * so modules holding data linked to the ticket (call records and recordings, mini-program links)
 * clear theirs in the same transaction — a listener that fails rolls the anonymisation back and the
 * next run tries again.
 */
public record TicketAnonymised(String ticketNumber, AnonymisationReason reason) {
}
