package org.law12348.ticketing;

import java.time.Instant;

/**
 * Something that happened to a ticket, published after the change committed (through the outbox),
 * so other modules can react without ticketing knowing them. Events are past-tense records keyed by
 * the ticket number; a listener may see the same event more than once and must be idempotent.
 */
public sealed interface TicketEvent {

    String ticketNumber();

    /** A ticket was taken in and routed. */
    record TicketCreated(String ticketNumber, TicketKind kind, Channel channel, RoutingQueue queue,
                         String handlingUnit, String regionCode, BusinessType businessType,
                         Instant dueAt) implements TicketEvent {
    }

    /** The handling unit (or a consultant) took the ticket on. */
    record TicketAccepted(String ticketNumber) implements TicketEvent {
    }

    /** An answer went back to the citizen. */
    record TicketAnswered(String ticketNumber) implements TicketEvent {
    }

    /** The ticket was sent to another unit or queue, with a new deadline. */
    record TicketReassigned(String ticketNumber, RoutingQueue queue, String handlingUnit, Instant dueAt)
            implements TicketEvent {
    }

    /** Nobody in the volunteer pool answered in time; the outsourced unit took the question over. */
    record TicketHandedOver(String ticketNumber, String handlingUnit, Instant dueAt) implements TicketEvent {
    }

    /** The citizen asked a follow-up question on an answered ticket; it waits for an answer again. */
    record TicketFollowedUp(String ticketNumber) implements TicketEvent {
    }

    /** The citizen rated the answer (1–5). */
    record TicketRated(String ticketNumber, int score) implements TicketEvent {
    }

    /** The deadline passed unanswered; dispatchers must step in. */
    record TicketEscalated(String ticketNumber, String handlingUnit, Instant dueAt) implements TicketEvent {
    }

    /** The matter is finished. */
    record TicketClosed(String ticketNumber) implements TicketEvent {
    }
}
