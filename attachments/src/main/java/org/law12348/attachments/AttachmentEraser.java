package org.law12348.attachments;

import org.law12348.ticketing.TicketAnonymised;
import org.law12348.ticketing.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket whose personal data goes (retention or a citizen's erasure) loses its attachments — photos
 * of injuries, contracts, identity cards, the citizen's voice — rows and files, in the anonymising
 * transaction: the files go when it commits and stay when it rolls back.
 */
@Component
class AttachmentEraser {

    private final Tickets tickets;
    private final Attachments attachments;
    private final StorageRemovals removals;

    AttachmentEraser(Tickets tickets, Attachments attachments, StorageRemovals removals) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.removals = removals;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketAnonymised event) {
        tickets.findByNumber(event.ticketNumber()).ifPresent(ticket -> {
            for (Attachment attachment : attachments.ofTicket(ticket.id())) {
                attachments.delete(attachment.id());
                removals.afterCommit(ticket.number(), attachment.sha256());
            }
        });
    }
}
