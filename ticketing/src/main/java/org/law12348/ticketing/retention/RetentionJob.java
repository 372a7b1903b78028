package org.law12348.ticketing.retention;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.AnonymisationReason;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Anonymises closed tickets whose closing is older than the retention period. Works in batches, each
 * its own transaction holding its rows with SKIP LOCKED, so a long run never holds many locks and two
 * nodes running at once share the tickets instead of colliding. Anonymised tickets are never picked
 * again, so a run repeated (or resumed after a crash) does only what is left. Then every
 * {@link RetentionParticipant} deletes what it keeps past its own period, each once per run; one that fails
 * is recorded as failed and does not stop the others or the record of the run.
 */
@Service
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionProperties properties;
    private final TicketingProperties ticketing;
    private final Tickets tickets;
    private final TicketAnonymiser anonymiser;
    private final TransactionTemplate transactions;
    private final RetentionHistory history;
    private final List<RetentionParticipant> participants;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionJob(RetentionProperties properties, TicketingProperties ticketing, Tickets tickets,
                 TicketAnonymiser anonymiser, TransactionTemplate transactions, RetentionHistory history,
                 List<RetentionParticipant> participants, AuditTrail audit, Clock clock) {
        this.properties = properties;
        this.ticketing = ticketing;
        this.tickets = tickets;
        this.anonymiser = anonymiser;
        this.transactions = transactions;
        this.history = history;
        // by name: every run lists them in the same order, whatever order the beans were found in
        this.participants = participants.stream()
                .sorted(java.util.Comparator.comparing(RetentionParticipant::name)).toList();
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
        List<RetentionRun.Participation> parts = participants.stream().map(p -> participate(p, actor)).toList();
        RetentionRun run = new RetentionRun(started, clock.instant(), cutoff, total, trigger, actor, parts);
        transactions.executeWithoutResult(tx -> {
            history.record(run);
            audit.change(actor, AuditAction.RETENTION_RUN, AuditSubject.none(), auditDetail(run));
        });
        log.info("Retention run ({}) anonymised {} tickets closed before {}; participants deleted {}", trigger,
                run.tickets(), cutoff, parts.stream().map(p -> p.name() + "=" + (p.failed() ? "failed" : p.deleted()))
                        .toList());
        return run;
    }

    private RetentionRun.Participation participate(RetentionParticipant participant, String actor) {
        try {
            return new RetentionRun.Participation(participant.name(), participant.description(),
                    participant.deleteDue(actor), false);
        } catch (RuntimeException e) {
            log.error("Retention participant {} failed; it runs again with the next retention run",
                    participant.name(), e);
            return new RetentionRun.Participation(participant.name(), participant.description(), 0, true);
        }
    }

    private static String auditDetail(RetentionRun run) {
        StringBuilder detail = new StringBuilder("截止" + run.cutoff() + "前办结的工单，匿名化" + run.tickets()
                + "件（" + run.trigger() + "）");
        for (RetentionRun.Participation part : run.participants()) {
            detail.append("；").append(part.description()).append(part.failed() ? "：执行失败" : "：删除" + part.deleted());
        }
        return detail.toString();
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
        return history.recent(limit);
    }
}
