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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers outbox events to in-process listeners (the workflow module starts processes from them).
 * Each row is claimed by a conditional update and its listeners run in that same transaction, so a
 * failing listener leaves the row for the next attempt and two nodes never deliver one row twice.
 * One relay thread per node: an after-commit nudge runs it at once, a poll catches the rest.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Map<String, Class<? extends TicketEvent>> TYPES = Map.of(
            "TicketCreated", TicketEvent.TicketCreated.class,
            "TicketAccepted", TicketEvent.TicketAccepted.class,
            "TicketAnswered", TicketEvent.TicketAnswered.class,
            "TicketReassigned", TicketEvent.TicketReassigned.class,
            "TicketHandedOver", TicketEvent.TicketHandedOver.class,
            "TicketFollowedUp", TicketEvent.TicketFollowedUp.class,
            "TicketClosed", TicketEvent.TicketClosed.class,
            "TicketEscalated", TicketEvent.TicketEscalated.class);

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;
    private final Clock clock;
    private final long pollMillis;
    private final AtomicBoolean pending = new AtomicBoolean();
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

    /** Asks for a relay run soon; many nudges while one is queued collapse into one run. */
    public void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running != null && pending.compareAndSet(false, true)) {
            running.execute(this::relaySafely);
        }
    }

    /** Relays every pending event now, on the caller's thread; returns how many were delivered. */
    public int relayPending() {
        int delivered = 0;
        List<Long> ids;
        do {
            ids = pendingIds();
            for (Long id : ids) {
                if (deliver(id)) {
                    delivered++;
                }
            }
        } while (ids.size() == BATCH);
        return delivered;
    }

    private void relaySafely() {
        pending.set(false);
        try {
            relayPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed; the next poll retries: {}", e.toString());
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
                MDC.put("ticket", entry.ticketNumber());
                try {
                    publisher.publishEvent(parse(entry));
                } finally {
                    MDC.remove("ticket");
                }
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("Delivering outbox event {} failed, will retry: {}", id, e.toString());
            recordFailure(id, e);
            return false;
        }
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
