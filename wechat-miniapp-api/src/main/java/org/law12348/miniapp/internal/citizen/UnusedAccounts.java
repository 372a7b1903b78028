package org.law12348.miniapp.internal.citizen;

import org.law12348.miniapp.MiniappProperties;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.retention.RetentionParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * Deletes mini-program accounts nobody signed in to for {@code law12348.miniapp.retention.unused-account-after}:
 * the bound phone and platform identities, send grants and client message ids. Session tokens name the
 * account and stop working with it. The tickets stay: ticket retention anonymises them on its own clock,
 * and they are found again by their openid if the citizen comes back. Runs as part of every retention
 * run, scheduled or asked for by an administrator ({@link RetentionParticipant}), in batches holding their
 * rows with SKIP LOCKED, and leaves one audit entry per run.
 */
@Service
class UnusedAccounts implements RetentionParticipant {

    private static final Logger log = LoggerFactory.getLogger(UnusedAccounts.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Period unusedAfter;
    private final ZoneId zone;
    private final Clock clock;

    UnusedAccounts(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail audit,
                   MiniappProperties properties, TicketingProperties ticketing, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.unusedAfter = properties.retention().unusedAccountAfter();
        this.zone = ticketing.zone();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "miniapp.unusedAccounts";
    }

    @Override
    public String description() {
        return "长期未登录的小程序账户";
    }

    /** Deletes every account whose last sign-in is older than the period; returns how many. */
    @Override
    public int deleteDue(String actor) {
        Instant cutoff = clock.instant().atZone(zone).minus(unusedAfter).toInstant();
        int total = 0;
        int deleted;
        do {
            deleted = transactions.execute(tx -> deleteBatch(cutoff));
            total += deleted;
        } while (deleted == BATCH);
        int count = total;
        transactions.executeWithoutResult(tx -> audit.change(actor, AuditAction.UNUSED_ACCOUNTS_DELETED,
                AuditSubject.none(), "截止" + cutoff + "未再登录的小程序账户，删除" + count + "个"));
        log.info("Deleted {} mini-program accounts not signed in to since {}", total, cutoff);
        return total;
    }

    private int deleteBatch(Instant cutoff) {
        List<Long> ids = jdbc.queryForList("select id from miniapp_citizen where signed_in_at < ? order by id "
                + "limit " + BATCH + " for update skip locked", Long.class, Timestamp.from(cutoff));
        for (long id : ids) {
            jdbc.update("delete from miniapp_send_grant where citizen_id = ?", id);
            jdbc.update("delete from miniapp_client_message where citizen_id = ?", id);
            jdbc.update("delete from miniapp_citizen where id = ?", id);
        }
        return ids.size();
    }
}
