package org.law12348.knowledge.internal;

import org.law12348.knowledge.KnowledgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts public searches per day so the deflection figure has a denominator. Searches are counted
 * in memory and added to the day's row at most every few seconds, never one write per search.
 */
@Component
public class SearchCounter {

    private static final Logger log = LoggerFactory.getLogger(SearchCounter.class);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final KnowledgeProperties properties;
    private final LongAdder pending = new LongAdder();
    private volatile Instant lastFlush;

    SearchCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                  KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
        this.lastFlush = clock.instant();
    }

    public void searched() {
        pending.increment();
        if (Duration.between(lastFlush, clock.instant()).compareTo(FLUSH_EVERY) >= 0) {
            flush();
        }
    }

    /** Writes the counted searches to today's row. */
    public synchronized void flush() {
        lastFlush = clock.instant();
        long n = pending.sumThenReset();
        if (n == 0) {
            return;
        }
        Date day = Date.valueOf(LocalDate.ofInstant(lastFlush, properties.zone()));
        try {
            ownTransaction.executeWithoutResult(status -> add(day, n));
        } catch (DataAccessException e) {
            pending.add(n);
            log.warn("Could not record {} searches, will retry: {}", n, e.toString());
        }
    }

    private void add(Date day, long n) {
        if (jdbc.update("update kb_search_day set searches = searches + ? where search_day = ?", n, day) == 0) {
            try {
                jdbc.update("insert into kb_search_day (search_day, searches) values (?, ?)", day, n);
            } catch (DuplicateKeyException raced) {
                jdbc.update("update kb_search_day set searches = searches + ? where search_day = ?", n, day);
            }
        }
    }
}
