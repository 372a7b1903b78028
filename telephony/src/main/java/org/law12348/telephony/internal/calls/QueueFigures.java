package org.law12348.telephony.internal.calls;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the call log says about each queue since a moment (the wallboard: since midnight): calls
 * answered, calls abandoned, and how many were answered within the service-level target. These come
 * from the call records the AMI events fill, so they survive a restart and are still there while the
 * PBX is unreachable. A call counts as answered once an agent connected or its outcome says so.
 */
@Component
public class QueueFigures {

    /** One queue's figures. */
    public record Today(long answered, long abandoned, long answeredWithinTarget) {
    }

    private final JdbcTemplate jdbc;

    QueueFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Today> since(Instant from, int targetSeconds) {
        Map<String, Today> byQueue = new LinkedHashMap<>();
        jdbc.query("select queue_name, "
                        + "count(case when answered_at is not null or outcome = 'ANSWERED' then 1 end) as answered, "
                        + "count(case when outcome = 'ABANDONED' then 1 end) as abandoned, "
                        + "count(case when (answered_at is not null or outcome = 'ANSWERED') and wait_seconds <= ? "
                        + "then 1 end) as within "
                        + "from call_record where started_at >= ? and queue_name is not null "
                        + "group by queue_name order by queue_name",
                rs -> {
                    byQueue.put(rs.getString("queue_name"), new Today(rs.getLong("answered"), rs.getLong("abandoned"),
                            rs.getLong("within")));
                }, targetSeconds, utc(from));
        return byQueue;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
