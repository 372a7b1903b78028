package org.law12348.miniapp.internal.citizen;

import org.law12348.ticketing.TicketAnonymised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the mini-programs' links between a citizen's platform account and an anonymised ticket:
 * the client message ids of their writes and the notifications (recipient openid, summary text).
 * The account itself stays: it belongs to the citizen's use of the channel, not to the ticket.
 */
@Component
class TicketLinkEraser {

    private final JdbcTemplate jdbc;

    TicketLinkEraser(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketAnonymised event) {
        jdbc.update("delete from miniapp_client_message where ticket_number = ?", event.ticketNumber());
        jdbc.update("delete from miniapp_notification where ticket_number = ?", event.ticketNumber());
    }
}
