package org.law12348.ticketing.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;

/**
 * The one place ticket events leave the aggregate: just before a transaction commits, the events of
 * every ticket it holds are written to the outbox, in the same transaction. No service drains them
 * by hand, so no change of a ticket can forget to. Spring Boot adds every
 * {@link TransactionExecutionListener} bean to the transaction manager; the outbox is looked up
 * lazily because it needs a transaction template, and so the transaction manager, itself.
 */
@Component
class TicketEventRecorder implements TransactionExecutionListener {

    private final EntityManagerFactory entityManagerFactory;
    private final ObjectProvider<Outbox> outbox;

    TicketEventRecorder(EntityManagerFactory entityManagerFactory, ObjectProvider<Outbox> outbox) {
        this.entityManagerFactory = entityManagerFactory;
        this.outbox = outbox;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure != null || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                // after every other before-commit step, which may still change a ticket
                return Ordered.LOWEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly) {
                    recordPendingEvents();
                }
            }
        });
    }

    /** In the order the transaction first touched the tickets; each ticket's events in their own order. */
    private void recordPendingEvents() {
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        if (entityManager == null) {
            return;
        }
        Map.Entry<Object, EntityEntry>[] entries = entityManager.unwrap(SessionImplementor.class)
                .getPersistenceContextInternal().reentrantSafeEntityEntries();
        for (Map.Entry<Object, EntityEntry> entry : entries) {
            if (entry.getKey() instanceof Ticket ticket) {
                List<TicketEvent> events = ticket.drainEvents();
                if (!events.isEmpty()) {
                    outbox.getObject().record(events);
                }
            }
        }
    }
}
