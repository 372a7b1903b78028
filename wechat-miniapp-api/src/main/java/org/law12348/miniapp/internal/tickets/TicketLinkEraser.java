package org.law12348.miniapp.internal.tickets;

import org.law12348.ticketing.Channel;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketAnonymised;
import org.law12348.ticketing.TicketLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what the mini-programs keep about an anonymised ticket: the client message ids of the
 * citizen's writes, the notifications (recipient openid, summary of the answer) and the images
 * uploaded with it. Runs in the anonymising transaction; an image that cannot be deleted fails the
 * anonymisation, so the next run tries again rather than leaving the photos of a ticket that no
 * longer says whose they are. The account stays: it belongs to the citizen's use of the channel,
 * not to one ticket, and goes only when the citizen is erased ({@code CitizenErased}).
 */
@Component
class TicketLinkEraser {

    private static final Logger log = LoggerFactory.getLogger(TicketLinkEraser.class);

    private final JdbcTemplate jdbc;
    private final TicketLookup tickets;
    private final TicketImages images;

    TicketLinkEraser(JdbcTemplate jdbc, TicketLookup tickets, TicketImages images) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.images = images;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketAnonymised event) {
        String number = event.ticketNumber();
        jdbc.update("delete from miniapp_client_message where ticket_number = ?", number);
        jdbc.update("delete from miniapp_notification where ticket_number = ?", number);
        Ticket ticket = tickets.find(number).orElseThrow();
        if (ticket.channel() == Channel.WECHAT || ticket.channel() == Channel.ALIPAY) {
            int deleted = images.forget(ticket.channelRef());
            if (deleted > 0) {
                log.info("Deleted {} images of anonymised ticket {}", deleted, number);
            }
        }
    }
}
