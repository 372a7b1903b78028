package org.law12348.ticketing.clocks;

import org.law12348.ticketing.TicketAnonymised;
import org.law12348.ticketing.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket whose personal data goes (retention or a citizen's erasure) loses its legal clocks in the
 * same transaction: the day a worker was dismissed or a judgment served is a fact of the citizen's
 * life, and with the ticket's text gone the clocks would be kept for nothing. Their reminders go too.
 */
@Component
class LegalClockEraser {

    private final Tickets tickets;
    private final LegalClocks clocks;

    LegalClockEraser(Tickets tickets, LegalClocks clocks) {
        this.tickets = tickets;
        this.clocks = clocks;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketAnonymised event) {
        tickets.findByNumber(event.ticketNumber()).ifPresent(ticket -> clocks.deleteOfTicket(ticket.id()));
    }
}
