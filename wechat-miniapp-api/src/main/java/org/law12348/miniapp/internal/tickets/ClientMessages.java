package org.law12348.miniapp.internal.tickets;

import jakarta.persistence.EntityManager;
import org.law12348.ticketing.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client message ids of a citizen's writes. Recorded in the transaction of the write itself, so a
 * write and its key commit together: a retry finds the key and answers without doing it again.
 */
@Component
public class ClientMessages {

    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,64}");
    public static final String FIELD = "X-Client-Message-Id";

    private final EntityManager entityManager;
    private final Clock clock;

    ClientMessages(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
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
        List<?> earlier = entityManager.createNativeQuery("select action, ticket_number from miniapp_client_message "
                        + "where citizen_id = ? and client_message_id = ?")
                .setParameter(1, citizenId).setParameter(2, clientMessageId).getResultList();
        if (!earlier.isEmpty()) {
            Object[] row = (Object[]) earlier.get(0);
            if (action.equals(row[0]) && ticketNumber.equals(row[1])) {
                return false;
            }
            throw new InvalidInputException(FIELD, "clientMessageId.reused", "该客户端消息编号已用于另一项操作，请使用新的编号");
        }
        entityManager.createNativeQuery("insert into miniapp_client_message "
                        + "(citizen_id, client_message_id, action, ticket_number, created_at) values (?, ?, ?, ?, ?)")
                .setParameter(1, citizenId).setParameter(2, clientMessageId).setParameter(3, action)
                .setParameter(4, ticketNumber).setParameter(5, clock.instant())
                .executeUpdate();
        return true;
    }
}
