package org.law12348.miniapp.internal.citizen;

import org.law12348.ticketing.CitizenErased;
import org.law12348.ticketing.PlatformAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes the mini-program accounts of an erased citizen: every account signed in with one of the
 * citizen's openids or Alipay user ids, or bound to one of their phone numbers, with what hangs on
 * it (send grants, client message ids), and the SMS sign-in codes sent to their numbers. Session tokens name the account, so they stop working with it; the next sign-in of the
 * same platform identity creates a new, empty account. Runs in the erasing transaction; deleting what
 * is already gone does nothing, so a repeated erasure is harmless.
 * <p>
 * Before the erasure starts, ticketing asks which identities are bound to the phone numbers it erases
 * ({@link PlatformAccounts}), so every ticket those accounts sent is anonymised too, and with each
 * ticket ({@code TicketLinkEraser}) its notifications, queued or not: a notification is addressed to
 * the identity of its ticket, so none addressed to the account outlives it.
 */
@Component
class AccountEraser implements PlatformAccounts {

    private static final Logger log = LoggerFactory.getLogger(AccountEraser.class);

    private final JdbcTemplate jdbc;

    AccountEraser(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Identities boundTo(Set<String> phoneHashes) {
        Set<String> openIds = new HashSet<>();
        Set<String> alipayIds = new HashSet<>();
        for (String hash : phoneHashes) {
            jdbc.query("select wechat_openid_hash, alipay_user_id_hash from miniapp_citizen where phone_hash = ?",
                    rs -> {
                        addIfPresent(openIds, rs.getString(1));
                        addIfPresent(alipayIds, rs.getString(2));
                    }, hash);
        }
        return new Identities(openIds, alipayIds);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CitizenErased event) {
        Set<Long> accounts = new TreeSet<>();
        accounts.addAll(idsWhere("wechat_openid_hash", event.wechatOpenIdHashes()));
        accounts.addAll(idsWhere("alipay_user_id_hash", event.alipayUserIdHashes()));
        accounts.addAll(idsWhere("phone_hash", event.phoneHashes()));
        accounts.forEach(this::delete);
        for (String phoneHash : event.phoneHashes()) {
            jdbc.update("delete from miniapp_sms_code where phone_hash = ?", phoneHash);
        }
        if (!accounts.isEmpty()) {
            log.info("Deleted {} mini-program accounts of an erased citizen", accounts.size());
        }
    }

    /**
     * Deletes one account as for an erased citizen, and the SMS sign-in codes sent to its phone number:
     * the citizen withdrew their consent. Runs in the caller's transaction.
     */
    void deleteAccount(long id) {
        List<String> phoneHashes = jdbc.queryForList("select phone_hash from miniapp_citizen where id = ?",
                String.class, id);
        delete(id);
        for (String phoneHash : phoneHashes) {
            if (phoneHash != null) {
                jdbc.update("delete from miniapp_sms_code where phone_hash = ?", phoneHash);
            }
        }
    }

    private void delete(long id) {
        jdbc.update("delete from miniapp_send_grant where citizen_id = ?", id);
        jdbc.update("delete from miniapp_client_message where citizen_id = ?", id);
        jdbc.update("delete from miniapp_citizen where id = ?", id);
    }

    private Set<Long> idsWhere(String hashColumn, Set<String> hashes) {
        Set<Long> ids = new TreeSet<>();
        for (String hash : hashes) {
            // the column is one of three constants above, never input
            ids.addAll(jdbc.queryForList("select id from miniapp_citizen where " + hashColumn + " = ?", Long.class,
                    hash));
        }
        return ids;
    }

    private static void addIfPresent(Set<String> hashes, String hash) {
        if (hash != null) {
            hashes.add(hash);
        }
    }
}
