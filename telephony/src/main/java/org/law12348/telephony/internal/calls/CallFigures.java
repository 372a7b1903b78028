package org.law12348.telephony.internal.calls;

import org.law12348.ticketing.DashboardFigures;
import org.law12348.ticketing.TicketStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The hotline's figures on the console's dashboard: calls that came in during the period (in the region
 * the dashboard is filtered to, by the caller's region; a call whose region is unknown counts only
 * without a filter) and how many of them an agent answered. A call is answered once an agent connected
 * ({@code answered_at}) or its outcome says so (the connect event may be lost, the completion not).
 * Calls belong to the service, not to a handling unit, so a unit handler sees none of them.
 */
@Component
class CallFigures implements DashboardFigures {

    static final int ORDER = 100;

    private final JdbcTemplate jdbc;

    CallFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public List<Figure> figures(TicketStatistics.Scope scope) {
        if (scope.unitCode() != null) {
            return List.of();
        }
        String sql = "select count(*) as received, "
                + "count(case when answered_at is not null or outcome = 'ANSWERED' then 1 end) as answered "
                + "from call_record where started_at >= ? and started_at < ?"
                + (scope.regionPrefix() == null ? "" : " and region_code like ?");
        List<Object> args = new ArrayList<>(List.of(utc(scope.from()), utc(scope.to())));
        if (scope.regionPrefix() != null) {
            args.add(scope.regionPrefix() + "%");
        }
        return jdbc.queryForObject(sql, (rs, i) -> List.of(
                new Figure("来电量", String.valueOf(rs.getLong("received"))),
                new Figure("已接通", String.valueOf(rs.getLong("answered")))), args.toArray());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
