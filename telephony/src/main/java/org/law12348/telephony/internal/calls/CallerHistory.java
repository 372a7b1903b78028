package org.law12348.telephony.internal.calls;

import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** What the ticket table knows about a caller, read with plain SQL so the IVR path stays cheap. */
@Component
public class CallerHistory {

    /** One open ticket of the caller, as the console lists it. */
    public record OpenTicket(String number, String businessType, String status, String subject, String handlingUnit,
                             Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    CallerHistory(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Open tickets under a normalised number ({@code PhoneNumber.value()}), found by its blind index. */
    public int openTicketCount(String phone) {
        Integer count = jdbc.queryForObject(
                "select count(*) from ticket where contact_phone_hash = ? and status <> ?", Integer.class,
                cipher.blindIndex(phone), TicketStatus.CLOSED.name());
        return count == null ? 0 : count;
    }

    public List<OpenTicket> openTickets(String phone, int limit) {
        return jdbc.query("""
                        select number, business_type, status, subject, handling_unit, created_at from ticket
                        where contact_phone_hash = ? and status <> ? order by created_at desc, id desc""",
                (rs, i) -> new OpenTicket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, Timestamp.class).toInstant()),
                cipher.blindIndex(phone), TicketStatus.CLOSED.name()).stream().limit(limit).toList();
    }
}
