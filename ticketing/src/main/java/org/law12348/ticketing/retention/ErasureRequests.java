package org.law12348.ticketing.retention;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.Ticket;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A citizen's requests to have their data erased, made with a ticket's tracking token and carried
 * out by an administrator ({@link CitizenData#eraseByTicket}). They wait in the audit trail
 * ({@code CITIZEN_ERASURE_REQUESTED}), where the administrators' audit page lists them. A ticket has at
 * most one open request: asking again while one waits answers that request and records nothing (a
 * script once filed 730 requests on one ticket). A request is open until the ticket is erased or
 * anonymised after it.
 */
@Service
public class ErasureRequests {

    /** The ticket's open request: when it was made, and whether this call made it or found it. */
    public record ErasureRequest(String ticketNumber, Instant requestedAt, boolean alreadyOpen) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    ErasureRequests(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Records the request for {@code number} (whose tracking token the caller checked) unless one is open. */
    @Transactional
    public ErasureRequest request(String number, String detail) {
        // one request at a time per ticket: a second, concurrent one waits here and then finds the first
        jdbc.queryForList("select id from ticket where number = ? for update", Long.class, number);
        Optional<Instant> open = openSince(number);
        if (open.isPresent()) {
            return new ErasureRequest(number, open.get(), true);
        }
        audit.change(Ticket.CITIZEN, AuditAction.CITIZEN_ERASURE_REQUESTED, AuditSubject.ticket(number), detail);
        // the time as stored, so that a repeat answers exactly the same
        return new ErasureRequest(number, openSince(number).orElseThrow(), false);
    }

    private Optional<Instant> openSince(String number) {
        Timestamp since = jdbc.queryForObject("""
                        select max(r.occurred_at) from audit_entry r where r.ticket_number = ? and r.action = ?
                          and not exists (select 1 from audit_entry d where d.ticket_number = r.ticket_number
                                          and d.action in (?, ?) and d.occurred_at >= r.occurred_at)""",
                Timestamp.class, number, AuditAction.CITIZEN_ERASURE_REQUESTED.name(),
                AuditAction.CITIZEN_DATA_ERASED.name(), AuditAction.TICKET_ANONYMISED.name());
        return Optional.ofNullable(since).map(Timestamp::toInstant);
    }
}
