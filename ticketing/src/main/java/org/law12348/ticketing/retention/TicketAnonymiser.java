package org.law12348.ticketing.retention;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.AnonymisationReason;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketAnonymised;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.internal.CitizenWriteKeys;
import org.law12348.ticketing.internal.Submissions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Removes the personal data of one closed ticket everywhere it is kept: the ticket itself, its
 * timeline texts and consultants' answers (ticketing), and — through {@link TicketAnonymised} —
 * what other modules link to it. One audit entry per ticket, in the same transaction.
 */
@Component
class TicketAnonymiser {

    private final Tickets tickets;
    private final JdbcTemplate jdbc;
    private final Submissions submissions;
    private final CitizenWriteKeys writeKeys;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    TicketAnonymiser(Tickets tickets, JdbcTemplate jdbc, Submissions submissions, CitizenWriteKeys writeKeys,
                     ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.writeKeys = writeKeys;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Anonymises the ticket under its row lock; false when it had been anonymised already. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean anonymise(String number, AnonymisationReason reason, String actor) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!ticket.anonymise(reason, clock.instant())) {
            return false;
        }
        // timeline entries are immutable history; only their free text goes, the facts stay
        jdbc.update("update timeline_entry set text = ? where ticket_id = ? and text is not null",
                reason.marker(), ticket.id());
        jdbc.update("update consultation_answer set text = ?, flag_reason = null where ticket_number = ?",
                reason.marker(), number);
        // the fingerprint of the submission was computed from the data that just went
        submissions.forgetRequest(ticket.channelRef());
        writeKeys.forgetTicket(number);
        events.publishEvent(new TicketAnonymised(number, reason));
        audit.change(actor, AuditAction.TICKET_ANONYMISED, AuditSubject.ticket(number), reason.name());
        return true;
    }
}
