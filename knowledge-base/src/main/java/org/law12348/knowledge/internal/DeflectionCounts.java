package org.law12348.knowledge.internal;

import org.law12348.knowledge.DeflectionStats;
import org.law12348.knowledge.KnowledgeProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one place that counts deflections and searches over whole days in the configured zone, for the
 * staff API ({@code Deflections.stats}, which checks who asks) and for the console's dashboard.
 */
@Component
public class DeflectionCounts {

    private final JdbcTemplate jdbc;
    private final SearchCounter counter;
    private final ZoneId zone;

    DeflectionCounts(JdbcTemplate jdbc, SearchCounter counter, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.zone = properties.zone();
    }

    /** The zone whose calendar days these figures count in. */
    public ZoneId zone() {
        return zone;
    }

    /** Deflections and searches from the start of {@code from} to the end of {@code to}; searches counted so far included. */
    public DeflectionStats between(LocalDate from, LocalDate to) {
        counter.flush();
        Long deflections = jdbc.queryForObject(
                "select count(*) from kb_deflection where created_at >= ? and created_at < ?", Long.class,
                Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        Long searches = jdbc.queryForObject(
                "select coalesce(sum(searches), 0) from kb_search_day where search_day >= ? and search_day <= ?", Long.class,
                Date.valueOf(from), Date.valueOf(to));
        long d = deflections == null ? 0 : deflections;
        long s = searches == null ? 0 : searches;
        return new DeflectionStats(from, to, d, s, s == 0 ? 0 : (double) d / s);
    }
}
