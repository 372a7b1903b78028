package org.law12348.ticketing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The routing facts of recently received tickets, for replaying them against a draft routing table. */
@Service
public class RoutingHistory {

    /** A received ticket and the facts its route was decided from. */
    public record Received(String number, RoutingQuery query) {
    }

    private final JdbcTemplate jdbc;

    RoutingHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tickets received since {@code from}, newest first, at most {@code max}. */
    @Transactional(readOnly = true)
    public List<Received> receivedSince(Instant from, int max) {
        return jdbc.query("select number, region_code, business_type, kind, channel from ticket "
                        + "where created_at >= ? order by created_at desc limit ?",
                (rs, i) -> new Received(rs.getString("number"), new RoutingQuery(
                        new RegionCode(rs.getString("region_code")),
                        BusinessType.valueOf(rs.getString("business_type")),
                        TicketKind.valueOf(rs.getString("kind")),
                        Channel.valueOf(rs.getString("channel")))),
                from.atOffset(ZoneOffset.UTC), max);
    }
}
