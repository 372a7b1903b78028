package org.law12348.miniapp.internal.notify;

import jakarta.persistence.EntityManager;
import org.law12348.ticketing.Channel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What citizens allowed us to send them. A subscribe grant (the citizen accepted a template in WeChat's
 * {@code wx.requestSubscribeMessage} or Alipay's {@code my.requestSubscribeMessage}) allows one message of
 * that template; an Alipay form id allows three template messages within seven days. Sending takes one
 * use; a failed send gives it back.
 */
@Component
public class SendGrants {

    static final int ALIPAY_FORM_USES = 3;
    static final Duration ALIPAY_FORM_VALIDITY = Duration.ofDays(7);

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SendGrants(EntityManager entityManager, TransactionTemplate transactions, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The citizen accepted one more message of this template on their platform (WeChat or Alipay). */
    public void grantTemplate(long citizenId, String templateId, Channel platform) {
        transactions.executeWithoutResult(status -> {
            int updated = entityManager.createNativeQuery("update miniapp_send_grant set remaining = remaining + 1, "
                            + "updated_at = ? where citizen_id = ? and grant_key = ?")
                    .setParameter(1, clock.instant()).setParameter(2, citizenId).setParameter(3, templateId)
                    .executeUpdate();
            if (updated == 0) {
                insert(citizenId, templateId, platform, 1, null);
            }
        });
    }

    /** A form id of the citizen's Alipay mini-program, good for a few template messages. */
    public void grantAlipayForm(long citizenId, String formId) {
        transactions.executeWithoutResult(status -> {
            List<?> existing = entityManager.createNativeQuery("select 1 from miniapp_send_grant "
                            + "where citizen_id = ? and grant_key = ?")
                    .setParameter(1, citizenId).setParameter(2, formId).getResultList();
            if (existing.isEmpty()) {
                insert(citizenId, formId, Channel.ALIPAY, ALIPAY_FORM_USES,
                        clock.instant().plus(ALIPAY_FORM_VALIDITY));
            }
        });
    }

    /** Takes one use of a subscribe grant for that template; empty when the citizen gave none. */
    Optional<String> takeTemplate(long citizenId, String templateId) {
        return transactions.execute(status -> decrement(citizenId, templateId) ? Optional.of(templateId)
                : Optional.empty());
    }

    /** Takes one use of the citizen's newest valid Alipay form id. */
    Optional<String> takeAlipayForm(long citizenId) {
        return transactions.execute(status -> {
            List<?> keys = entityManager.createNativeQuery("select grant_key from miniapp_send_grant where citizen_id = ? "
                            + "and channel = 'ALIPAY' and remaining > 0 and expires_at > ? order by expires_at desc")
                    .setParameter(1, citizenId).setParameter(2, clock.instant()).setMaxResults(1).getResultList();
            if (keys.isEmpty() || !decrement(citizenId, (String) keys.get(0))) {
                return Optional.empty();
            }
            return Optional.of((String) keys.get(0));
        });
    }

    /** Gives back a use taken for a send that did not go through. */
    void giveBack(long citizenId, String key) {
        transactions.executeWithoutResult(status -> entityManager.createNativeQuery("update miniapp_send_grant "
                        + "set remaining = remaining + 1 where citizen_id = ? and grant_key = ?")
                .setParameter(1, citizenId).setParameter(2, key).executeUpdate());
    }

    private boolean decrement(long citizenId, String key) {
        return entityManager.createNativeQuery("update miniapp_send_grant set remaining = remaining - 1, updated_at = ? "
                        + "where citizen_id = ? and grant_key = ? and remaining > 0")
                .setParameter(1, clock.instant()).setParameter(2, citizenId).setParameter(3, key)
                .executeUpdate() == 1;
    }

    private void insert(long citizenId, String key, Channel channel, int remaining, Instant expiresAt) {
        // a subscribe grant never expires: leave the column out rather than bind an untyped null
        String columns = expiresAt == null ? "" : ", expires_at";
        String marks = expiresAt == null ? "" : ", ?";
        var insert = entityManager.createNativeQuery("insert into miniapp_send_grant (citizen_id, grant_key, channel, "
                        + "remaining, updated_at" + columns + ") values (?, ?, ?, ?, ?" + marks + ")")
                .setParameter(1, citizenId).setParameter(2, key).setParameter(3, channel.name())
                .setParameter(4, remaining).setParameter(5, clock.instant());
        if (expiresAt != null) {
            insert.setParameter(6, expiresAt);
        }
        insert.executeUpdate();
    }
}
