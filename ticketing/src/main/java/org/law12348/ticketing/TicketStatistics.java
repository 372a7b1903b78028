package org.law12348.ticketing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's dashboard figures, computed by SQL over the tickets received in a time window:
 * how many came in, how many were answered, first-response time (median and 90th percentile), how
 * many were handed over after the volunteer window, deadline compliance, and satisfaction.
 */
@Service
public class TicketStatistics {

    /** How the figures are grouped. */
    public enum Dimension {
        CHANNEL("渠道", "channel"),
        REGION("地市", "substring(region_code, 1, 4)"),
        BUSINESS_TYPE("业务类型", "business_type");

        private final String chineseName;
        private final String column;

        Dimension(String chineseName, String column) {
            this.chineseName = chineseName;
            this.column = column;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /**
     * One group's figures. Rates are 0–1 and {@code null} when nothing was there to measure (no
     * ticket answered, none rated, no deadline reached); response times are in seconds.
     *
     * @param key           the group's value: a channel, a 4-digit city prefix or a business type
     * @param deadlineDue   tickets answered, or still unanswered past their deadline
     * @param deadlineMet   of those, answered by their deadline
     */
    public record Row(String key, long received, long answered, Double medianResponseSeconds,
                      Double p90ResponseSeconds, long handedOver, long deadlineDue, long deadlineMet, long rated,
                      long satisfied) {

        public Double answeredRate() {
            return received == 0 ? null : (double) answered / received;
        }

        public Double deadlineCompliance() {
            return deadlineDue == 0 ? null : (double) deadlineMet / deadlineDue;
        }

        public Double satisfaction() {
            return rated == 0 ? null : (double) satisfied / rated;
        }
    }

    private final JdbcTemplate jdbc;
    private final String responseSeconds;

    TicketStatistics(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            this.responseSeconds = postgres ? "extract(epoch from (first_answered_at - created_at))"
                    : "datediff('SECOND', created_at, first_answered_at)";
        }
    }

    /**
     * Which tickets count: received in [from, to), optionally only in a region (code prefix) and only
     * of one handling unit (a unit handler's own figures).
     */
    public record Scope(Instant from, Instant to, Instant now, String regionPrefix, String unitCode) {
    }

    /** Figures per group, largest group first. */
    @Transactional(readOnly = true)
    public List<Row> byDimension(Dimension dimension, Scope scope) {
        return query(dimension.column, scope);
    }

    /** The same figures over the whole scope. */
    @Transactional(readOnly = true)
    public Row total(Scope scope) {
        List<Row> rows = query(null, scope);
        return rows.isEmpty() ? new Row("ALL", 0, 0, null, null, 0, 0, 0, 0, 0) : rows.get(0);
    }

    private List<Row> query(String groupBy, Scope scope) {
        String sql = "select " + (groupBy == null ? "'ALL'" : groupBy) + " as k, count(*) as received, count(first_answered_at) as answered, "
                + "percentile_cont(0.5) within group (order by " + responseSeconds + ") as median_s, "
                + "percentile_cont(0.9) within group (order by " + responseSeconds + ") as p90_s, "
                + "sum(case when handed_over then 1 else 0 end) as handed_over, "
                + "sum(case when first_answered_at is not null or due_at < ? then 1 else 0 end) as due, "
                + "sum(case when first_answered_at is not null and first_answered_at <= due_at then 1 else 0 end) as met, "
                + "count(satisfaction) as rated, "
                + "sum(case when satisfaction >= 4 then 1 else 0 end) as satisfied "
                + "from ticket where created_at >= ? and created_at < ? and region_code like ? "
                + (scope.unitCode() == null ? "" : "and handling_unit = ? ")
                + (groupBy == null ? "" : "group by " + groupBy + " order by received desc, k");
        List<Object> args = new ArrayList<>(List.of(utc(scope.now()), utc(scope.from()), utc(scope.to()),
                (scope.regionPrefix() == null ? "" : scope.regionPrefix()) + "%"));
        if (scope.unitCode() != null) {
            args.add(scope.unitCode());
        }
        return jdbc.query(sql, (rs, i) -> new Row(rs.getString("k"), rs.getLong("received"), rs.getLong("answered"),
                nullable(rs.getObject("median_s")), nullable(rs.getObject("p90_s")), rs.getLong("handed_over"),
                rs.getLong("due"), rs.getLong("met"), rs.getLong("rated"), rs.getLong("satisfied")), args.toArray());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Double nullable(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
