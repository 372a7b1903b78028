package org.law12348.ticketing.internal;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.PriorityQueue;

/**
 * Hands out ticket ids before the ticket is stored, because the ticket number is made from the id
 * and must be in the first insert. Ids come from {@code ticket_seq} (increment 50) in blocks of 50,
 * so most tickets cost no extra round trip and every node draws from the same sequence. An id whose
 * ticket was refused (a retried submission) is given back and handed out again, so retries burn no
 * numbers; a restart loses at most the rest of the node's block. The sequence itself keeps no cache
 * (V1_99_17): H2 caches 32 values, and after an unclean stop numbers jumped by 32 × 50.
 */
@Component
public class TicketIdentities {

    private static final int BLOCK = 50;

    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;
    private final String nextValueSql;
    private long next;
    private long last = -1;
    /** Ids drawn for tickets that were never stored, smallest first. */
    private final PriorityQueue<Long> returned = new PriorityQueue<>();

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
        Long again = returned.poll();
        if (again != null) {
            return again;
        }
        if (next > last) {
            long start = ownTransaction.execute(status ->
                    ((Number) entityManager.createNativeQuery(nextValueSql).getSingleResult()).longValue());
            // the sequence starts at 1 and steps by 50: each value opens a block of 50 ids for this node
            next = start;
            last = start + BLOCK - 1;
        }
        return next++;
    }

    /**
     * Gives back an id whose ticket the database refused (its insert rolled back), so the next ticket
     * takes it. Only for an insert known to be refused: an id that might be stored must never return.
     */
    public synchronized void giveBack(long id) {
        returned.add(id);
    }
}
