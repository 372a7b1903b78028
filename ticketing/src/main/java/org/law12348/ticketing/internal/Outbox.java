package org.law12348.ticketing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import org.law12348.ticketing.TicketEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes ticket events into the outbox table inside the caller's transaction and, once that commits,
 * hands their ids to the relay. A crash between commit and relay loses nothing: the relay's poll finds
 * the row.
 */
@Component
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final Clock clock;

    Outbox(EntityManager entityManager, ObjectMapper json, OutboxRelay relay, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
    }

    public void record(List<TicketEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox events must be written inside the transaction of their change");
        }
        List<Long> ids = new ArrayList<>(events.size());
        for (TicketEvent event : events) {
            OutboxEntry entry = new OutboxEntry(event.getClass().getSimpleName(), event.ticketNumber(),
                    serialize(event), clock.instant());
            entityManager.persist(entry);
            ids.add(entry.id());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.committed(ids);
            }
        });
    }

    private String serialize(TicketEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + event, e);
        }
    }
}
