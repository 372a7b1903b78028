package org.law12348.ticketing.retention;

import org.law12348.ticketing.AnonymisationReason;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.audit.AuditAction;
import org.law12348.ticketing.audit.AuditSubject;
import org.law12348.ticketing.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Anonymises closed tickets whose closing is older than the retention period. Works in batches, each
 * its own transaction holding its rows with SKIP LOCKED, so a long run never holds many locks and two
 * nodes running at once share the tickets instead of colliding. Anonymised tickets are never picked
 * again, so a run repeated (or resumed after a crash) does only what is left.
 */
@Service
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionProperties properties;
    private final TicketingProperties ticketing;
    private final Tickets tickets;
    private final TicketAnonymiser anonymiser;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionJob(RetentionProperties properties, TicketingProperties ticketing, Tickets tickets,
                 TicketAnonymiser anonymiser, TransactionTemplate transactions, JdbcTemplate jdbc, AuditTrail audit,
                 Clock clock) {
        this.properties = properties;
        this.ticketing = ticketing;
        this.tickets = tickets;
        this.anonymiser = anonymiser;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${law12348.ticketing.retention.cron:" + RetentionProperties.DEFAULT_CRON + "}",
            zone = "${law12348.ticketing.zone:Asia/Shanghai}")
    void scheduled() {
        if (properties.enabled()) {
            run(Ticket.SYSTEM, "SCHEDULED");
        }
    }

    /** Runs now (an administrator asked); refused when retention is switched off. */
    public RetentionRun runNow(String actor) {
        if (!properties.enabled()) {
            throw new RetentionDisabledException();
        }
        return run(actor, "MANUAL");
    }

    /** The moment before which a closing makes a ticket due: now minus the period, in local dates. */
    public Instant cutoff() {
        return clock.instant().atZone(ticketing.zone()).minus(properties.period()).toInstant();
    }

    private RetentionRun run(String actor, String trigger) {
        Instant started = clock.instant();
        Instant cutoff = cutoff();
        int total = 0;
        while (true) {
            Batch batch = transactions.execute(tx -> anonymiseBatch(cutoff, actor));
            total += batch.anonymised();
            if (batch.locked() < properties.batchSize()) {
                break;
            }
        }
        RetentionRun run = new RetentionRun(started, clock.instant(), cutoff, total, trigger, actor);
        int count = total;
        transactions.executeWithoutResult(tx -> {
            jdbc.update("insert into retention_run (started_at, finished_at, cutoff, tickets, run_trigger, actor) "
                            + "values (?, ?, ?, ?, ?, ?)", Timestamp.from(run.startedAt()),
                    Timestamp.from(run.finishedAt()), Timestamp.from(cutoff), count, trigger, actor);
            audit.change(actor, AuditAction.RETENTION_RUN, AuditSubject.none(),
                    "截止" + cutoff + "前办结的工单，匿名化" + count + "件（" + trigger + "）");
        });
        log.info("Retention run ({}) anonymised {} tickets closed before {}", trigger, total, cutoff);
        return run;
    }

    private record Batch(int locked, int anonymised) {
    }

    private Batch anonymiseBatch(Instant cutoff, String actor) {
        List<String> due = tickets.lockDueForAnonymisation(cutoff, properties.batchSize());
        int done = 0;
        for (String number : due) {
            if (anonymiser.anonymise(number, AnonymisationReason.RETENTION, actor)) {
                done++;
            }
        }
        return new Batch(due.size(), done);
    }

    /** The latest runs, newest first (the admin page shows them). */
    public List<RetentionRun> recentRuns(int limit) {
        return jdbc.query("select started_at, finished_at, cutoff, tickets, run_trigger, actor from retention_run "
                        + "order by started_at desc, id desc limit ?",
                (rs, i) -> new RetentionRun(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getString(5),
                        rs.getString(6)), limit);
    }
}
