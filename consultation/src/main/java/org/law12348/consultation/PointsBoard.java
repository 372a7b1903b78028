package org.law12348.consultation;

import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.TicketingProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** Balances and leaderboards of the points ledger, by month and by region. */
@Service
public class PointsBoard {

    /** One row of a leaderboard. */
    public record Standing(int rank, String consultant, String displayName, long points) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    PointsBoard(JdbcTemplate jdbc, TicketingProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    /**
     * The month's leaderboard; {@code region} narrows to questions from that division (province, city or
     * county, by prefix). At most {@code limit} rows, highest first.
     */
    public List<Standing> leaderboard(YearMonth month, RegionCode region, int limit) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        String prefix = region == null ? "" : region.isProvince() ? region.provinceCode()
                : region.isCity() ? region.cityCode() : region.value();
        List<Object[]> rows = jdbc.query("""
                        select p.consultant, coalesce(max(a.display_name), p.consultant), sum(p.points) as total
                        from points_entry p left join staff_account a on a.username = p.consultant
                        where p.created_at >= ? and p.created_at < ? and p.region_code like ?
                        group by p.consultant order by total desc, p.consultant limit ?""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)},
                Timestamp.from(from), Timestamp.from(to), prefix + "%", limit);
        return java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> new Standing(i + 1, (String) rows.get(i)[0], (String) rows.get(i)[1],
                        (Long) rows.get(i)[2]))
                .toList();
    }

    /** The consultant's place on this month's province-wide board, or 0 when they have no points. */
    public int rankOf(String consultant, YearMonth month) {
        return leaderboard(month, null, 10_000).stream().filter(s -> s.consultant().equals(consultant))
                .mapToInt(Standing::rank).findFirst().orElse(0);
    }
}
