package org.law12348.personaldata.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the audit trail for administrators, newest first, paged by keyset on the id so a deep page
 * costs what the first does and entries appended meanwhile never shift a page.
 */
@Service
public class AuditSearch {

    public static final int MAX_PAGE = 200;

    /** One page and the cursor of the next (null on the last page). */
    public record Page(List<AuditEntry> entries, String nextCursor) {
    }

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page find(AuditQuery query, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidAuditSearchException("limit", "limit.outOfRange", "每页条数应在1到" + MAX_PAGE + "之间");
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidAuditSearchException("to", "range.inverted", "结束时间应晚于开始时间");
        }
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, actor_role, action, ticket_number, call_id, citizen, detail,
                    client_address, user_agent from audit_entry where 1 = 1""");
        List<Object> args = new ArrayList<>();
        condition(sql, args, " and actor = ?", query.actor());
        condition(sql, args, " and ticket_number = ?", query.ticketNumber());
        condition(sql, args, " and action = ?", query.action() == null ? null : query.action().name());
        condition(sql, args, " and occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        condition(sql, args, " and occurred_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        condition(sql, args, " and id < ?", decode(cursor));
        sql.append(" order by id desc limit ?");
        args.add(limit + 1);
        List<AuditEntry> found = jdbc.query(sql.toString(), (rs, i) -> new AuditEntry(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11)), args.toArray());
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<AuditEntry> page = List.copyOf(found.subList(0, limit));
        return new Page(page, encode(page.get(limit - 1).id()));
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (raw.startsWith("a")) {
                return Long.parseLong(raw.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below: a cursor is only ever one this service made
        }
        throw new InvalidAuditSearchException("cursor", "cursor.invalid", "分页游标无效，请从第一页重新查询");
    }
}
