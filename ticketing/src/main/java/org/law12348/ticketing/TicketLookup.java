package org.law12348.ticketing;

import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.internal.CitizenTicketRows;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What channel modules (telephony, the mini-programs, the portal) read of tickets. They ask here
 * rather than reading ticket storage themselves, so how and where tickets are kept stays ticketing's
 * business. Callers check who may see a ticket; this class does not.
 */
@Service
public class TicketLookup {

    /** One open ticket of a caller, as the telephony console lists it. */
    public record OpenTicket(String number, String businessType, String status, String subject, String handlingUnit,
                             Instant createdAt) {
    }

    private final Tickets tickets;
    private final CitizenTicketRows citizenTickets;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    TicketLookup(Tickets tickets, CitizenTicketRows citizenTickets, JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.tickets = tickets;
        this.citizenTickets = citizenTickets;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<Ticket> find(String number) {
        return tickets.findByNumber(number);
    }

    /** The ticket with its timeline loaded. */
    public Optional<Ticket> findWithTimeline(String number) {
        return tickets.findWithTimeline(number);
    }

    /**
     * Takes the ticket's row lock in the caller's transaction, so the caller's own writes about the
     * ticket queue up behind any concurrent change of it.
     */
    public void lockForChange(String number) {
        tickets.findForUpdate(number);
    }

    /**
     * The tickets of a citizen's identities, newest first: those of the WeChat openid or Alipay user
     * id, and those under the phone number from every channel. Any identity may be null.
     */
    public Page<Ticket> visibleTo(String wechatOpenId, String alipayUserId, PhoneNumber phone, Pageable page) {
        return citizenTickets.findVisibleTo(hashOrNone(wechatOpenId), hashOrNone(alipayUserId),
                hashOrNone(phone == null ? null : phone.value()), page);
    }

    /**
     * Open tickets under a normalised number ({@code PhoneNumber.value()}), found by its blind index.
     * Plain SQL, so the IVR path that asks it stays cheap.
     */
    public int openTicketCount(String phone) {
        Integer count = jdbc.queryForObject(
                "select count(*) from ticket where contact_phone_hash = ? and status <> ?", Integer.class,
                cipher.blindIndex(phone), TicketStatus.CLOSED.name());
        return count == null ? 0 : count;
    }

    /** At most {@code limit} open tickets under a normalised number, newest first. */
    public List<OpenTicket> openTickets(String phone, int limit) {
        return jdbc.query("""
                        select number, business_type, status, subject, handling_unit, created_at from ticket
                        where contact_phone_hash = ? and status <> ? order by created_at desc, id desc""",
                (rs, i) -> new OpenTicket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, Timestamp.class).toInstant()),
                cipher.blindIndex(phone), TicketStatus.CLOSED.name()).stream().limit(limit).toList();
    }

    /**
     * The status of ticket {@code number} when its contact phone is {@code phone} (compared by blind
     * index, so nothing is decrypted); empty when there is no such ticket and when it is another
     * number's, which the answer does not tell apart. For a channel that knows the citizen only by
     * the number they call from (the hotline's self-service look-up).
     */
    public Optional<TicketStatus> statusForContact(String number, PhoneNumber phone) {
        return jdbc.query("select status from ticket where number = ? and contact_phone_hash = ?",
                        (rs, i) -> TicketStatus.valueOf(rs.getString(1)), number, cipher.blindIndex(phone.value()))
                .stream().findFirst();
    }

    private String hashOrNone(String value) {
        return value == null ? CitizenTicketRows.NONE : cipher.blindIndex(value);
    }
}
