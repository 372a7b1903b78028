package org.law12348.ticketing.internal;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket ids before the ticket is stored, because the ticket number is made from the id
 * and must be in the first insert. Ids come from {@code ticket_seq} (increment 50) in blocks of 50,
 * so most tickets cost no extra round trip and every node draws from the same sequence.
 */
@Component
public class TicketIdentities {

    private static final int BLOCK = 50;

    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;
    private final String nextValueSql;
    private long next;
    private long last = -1;

    TicketIdentities(EntityManager entityManager, PlatformTransactionManager transactionManager) {
        this.entityManager = entityManager;
        // joins the caller's transaction when there is one: a sequence value is never rolled back, and
        // asking the pool for a second connection while holding one can starve it under load
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("ticket_seq");
    }

    public synchronized long next() {
        if (next > last) {
            long start = ownTransaction.execute(status ->
                    ((Number) entityManager.createNativeQuery(nextValueSql).getSingleResult()).longValue());
            // the sequence starts at 1 and steps by 50: each value opens a block of 50 ids for this node
            next = start;
            last = start + BLOCK - 1;
        }
        return next++;
    }
}
