package org.law12348.miniapp.internal.tickets;

import org.law12348.ticketing.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client message ids of a citizen's writes. Recorded in the transaction of the write itself, so a
 * write and its key commit together: a retry finds the key and answers without doing it again. Plain
 * JDBC: when concurrent retries race, the loser's refused insert is expected, and through Hibernate
 * it would be logged at ERROR with the statement's values.
 */
@Component
public class ClientMessages {

    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,64}");
    public static final String FIELD = "X-Client-Message-Id";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClientMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks the id's form: 1 to 64 visible ASCII characters. */
    public static String require(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) {
            throw new InvalidInputException(FIELD, "clientMessageId.required", "缺少客户端消息编号（X-Client-Message-Id）");
        }
        if (!FORM.matcher(clientMessageId).matches()) {
            throw new InvalidInputException(FIELD, "clientMessageId.invalid", "客户端消息编号应为1到64个可见ASCII字符");
        }
        return clientMessageId;
    }

    /**
     * Inside the write's transaction: true if this id is new (and now recorded), false if this same write
     * was done before. An id used before for another write is refused.
     */
    public boolean firstTime(long citizenId, String clientMessageId, String action, String ticketNumber) {
        List<String[]> earlier = jdbc.query("select action, ticket_number from miniapp_client_message "
                        + "where citizen_id = ? and client_message_id = ?",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, citizenId, clientMessageId);
        if (!earlier.isEmpty()) {
            String[] row = earlier.get(0);
            if (action.equals(row[0]) && ticketNumber.equals(row[1])) {
                return false;
            }
            throw new InvalidInputException(FIELD, "clientMessageId.reused", "该客户端消息编号已用于另一项操作，请使用新的编号");
        }
        jdbc.update("insert into miniapp_client_message "
                        + "(citizen_id, client_message_id, action, ticket_number, created_at) values (?, ?, ?, ?, ?)",
                citizenId, clientMessageId, action, ticketNumber, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return true;
    }
}
