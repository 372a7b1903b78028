package org.law12348.ticketing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import org.law12348.ticketing.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers outbox events to in-process listeners (the workflow module starts processes from them).
 * Each row is claimed by a conditional update and its listeners run in that same transaction, so a
 * failing listener leaves the row for the next attempt and two nodes never deliver one row twice.
 * The listeners also run under the ticket's row lock, which every change of a ticket takes first.
 * One relay thread per node. The transaction that wrote an event hands its id over after commit and
 * the relay claims it by primary key at once; a poll that scans for unprocessed rows catches the
 * rest (failed attempts, events of a node that went down). Scanning on every commit instead cost a
 * full pass over the pending index each time, and that index keeps an entry for every processed
 * row until VACUUM comes by: in a burst of 10,000 hand-overs each scan read 14,000 entries.
 * <p>
 * Events waiting together are delivered together: up to {@link #DELIVERY_BATCH} in one transaction
 * (one claim, one lock statement, one commit for all their process starts), in id order. If any of
 * them fails, that transaction rolls back and each is delivered alone, so one failing event holds up
 * no other and its attempts are counted as before.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Events delivered in one transaction (bench/README.md, issue 24: process starts per commit). */
    static final int DELIVERY_BATCH = 50;
    /** Every event type by its simple name, as the outbox stores it. */
    private static final Map<String, Class<? extends TicketEvent>> TYPES = Arrays.stream(
                    TicketEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName,
                    c -> c.asSubclass(TicketEvent.class)));

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;
    private final Clock clock;
    private final long pollMillis;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Queue<Long> committed = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService executor;

    OutboxRelay(EntityManager entityManager, TransactionTemplate transactions, ApplicationEventPublisher publisher,
                ObjectMapper json, Clock clock, org.law12348.ticketing.TicketingProperties properties) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.pollMillis = properties.outboxPollInterval().toMillis();
    }

    /**
     * Events whose transaction just committed on this node: delivered soon, by id. Many hand-overs
     * while one delivery run is queued collapse into that run.
     */
    public void committed(List<Long> ids) {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return; // not relaying (starting, stopping): the poll or a later run finds the rows
        }
        committed.addAll(ids);
        if (pending.compareAndSet(false, true)) {
            running.execute(this::deliverCommitted);
        }
    }

    /** Relays every pending event now, on the caller's thread; returns how many were delivered. */
    public int relayPending() {
        int delivered = 0;
        List<Long> ids;
        do {
            ids = pendingIds();
            delivered += deliverInBatches(ids);
        } while (ids.size() == BATCH);
        return delivered;
    }

    private void relaySafely() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed; the next poll retries: {}", e.toString());
        }
    }

    /** In id order, as far as it goes: two commits of one ticket may hand their ids over out of order. */
    private void deliverCommitted() {
        pending.set(false);
        List<Long> ids = new ArrayList<>();
        for (Long id = committed.poll(); id != null; id = committed.poll()) {
            ids.add(id);
        }
        ids.sort(null);
        try {
            deliverInBatches(ids);
        } catch (RuntimeException e) {
            log.warn("Outbox events not delivered now; the next poll retries: {}", e.toString());
        }
    }

    /** The ids in order, {@link #DELIVERY_BATCH} to a transaction; returns how many were delivered. */
    private int deliverInBatches(List<Long> ids) {
        int delivered = 0;
        for (int from = 0; from < ids.size(); from += DELIVERY_BATCH) {
            delivered += deliverTogether(ids.subList(from, Math.min(ids.size(), from + DELIVERY_BATCH)));
        }
        return delivered;
    }

    private int deliverTogether(List<Long> ids) {
        if (ids.size() > 1) {
            try {
                Integer delivered = transactions.execute(status -> deliverInThisTransaction(ids));
                return delivered == null ? 0 : delivered;
            } catch (RuntimeException e) {
                log.debug("Delivering {} outbox events together failed, delivering each alone: {}", ids.size(),
                        e.toString());
            }
        }
        int delivered = 0;
        for (Long id : ids) {
            if (deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * Claims all the events or none: when another node or an earlier run took some of them, this
     * transaction rolls back and each is tried alone, where a taken one is simply skipped.
     */
    private int deliverInThisTransaction(List<Long> ids) {
        int claimed = entityManager.createNativeQuery(
                        "update outbox_event set processed_at = :now where id in (:ids) and processed_at is null")
                .setParameter("now", clock.instant())
                .setParameter("ids", ids)
                .executeUpdate();
        if (claimed != ids.size()) {
            throw new IllegalStateException(claimed + " of " + ids.size() + " outbox events were still unclaimed");
        }
        List<OutboxEntry> entries = entityManager.createQuery(
                        "select e from OutboxEntry e where e.id in :ids order by e.id", OutboxEntry.class)
                .setParameter("ids", ids)
                .getResultList();
        lockTickets(entries.stream().map(OutboxEntry::ticketNumber).distinct().toList());
        entries.forEach(this::publish);
        return entries.size();
    }

    private void publish(OutboxEntry entry) {
        MDC.put("ticket", entry.ticketNumber());
        try {
            publisher.publishEvent(parse(entry));
        } finally {
            MDC.remove("ticket");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> pendingIds() {
        return transactions.execute(status -> entityManager.createNativeQuery(
                        "select id from outbox_event where processed_at is null and attempts < 20 order by id")
                .setMaxResults(BATCH)
                .getResultList()
                .stream().map(n -> ((Number) n).longValue()).toList());
    }

    private boolean deliver(Long id) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                int claimed = entityManager.createNativeQuery(
                                "update outbox_event set processed_at = ? where id = ? and processed_at is null")
                        .setParameter(1, clock.instant())
                        .setParameter(2, id)
                        .executeUpdate();
                if (claimed == 0) {
                    return false;
                }
                OutboxEntry entry = entityManager.find(OutboxEntry.class, id);
                lockTickets(List.of(entry.ticketNumber()));
                publish(entry);
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("Delivering outbox event {} failed, will retry: {}", id, e.toString());
            recordFailure(id, e);
            return false;
        }
    }

    /**
     * Takes the ticket's row lock before any listener reads the ticket, as every change of a ticket
     * does first: the listeners then read the ticket as it is, and a change such as an erasure waits
     * for them or they for it. Without it, a listener could load the ticket while an erasure ran, and
     * the citizen notice read that entity after the erasure committed: the notice, with the citizen's
     * openid, outlived the erasure (PostgresMiniappTest).
     */
    private void lockTickets(List<String> numbers) {
        // in number order, as a merge takes its two tickets, so a batch and a merge never wait for each
        // other in a circle
        entityManager.createNativeQuery("select id from ticket where number in (:numbers) order by number for update")
                .setParameter("numbers", numbers)
                .getResultList();
    }

    private void recordFailure(Long id, RuntimeException e) {
        String error = String.valueOf(e.getMessage());
        transactions.executeWithoutResult(status -> entityManager.createNativeQuery(
                        "update outbox_event set attempts = attempts + 1, last_error = ? where id = ?")
                .setParameter(1, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(2, id)
                .executeUpdate());
    }

    private TicketEvent parse(OutboxEntry entry) {
        Class<? extends TicketEvent> type = TYPES.get(entry.eventType());
        if (type == null) {
            throw new IllegalStateException("Unknown outbox event type " + entry.eventType());
        }
        try {
            return json.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable outbox event " + entry.id(), e);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::relaySafely, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Start after the process engine (and everything else) is up, stop before it goes down.
        return Integer.MAX_VALUE - 100;
    }
}
