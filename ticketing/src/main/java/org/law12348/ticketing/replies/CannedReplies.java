package org.law12348.ticketing.replies;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rows of canned replies, per unit, in title order. */
@Repository
class CannedReplies {

    private static final String COLUMNS = "id, unit_code, title, body, updated_by, updated_at";
    private static final RowMapper<CannedReply> ROW = (rs, i) -> new CannedReply(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;

    CannedReplies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CannedReply> ofUnit(String unitCode) {
        return jdbc.query("select " + COLUMNS + " from canned_reply where unit_code = ? order by title, id", ROW,
                unitCode);
    }

    int countOfUnit(String unitCode) {
        Integer n = jdbc.queryForObject("select count(*) from canned_reply where unit_code = ?", Integer.class, unitCode);
        return n == null ? 0 : n;
    }

    Optional<CannedReply> find(long id) {
        return jdbc.query("select " + COLUMNS + " from canned_reply where id = ?", ROW, id).stream().findFirst();
    }

    boolean titleTaken(String unitCode, String title, long exceptId) {
        Integer n = jdbc.queryForObject("select count(*) from canned_reply where unit_code = ? and title = ? and id <> ?",
                Integer.class, unitCode, title, exceptId);
        return n != null && n > 0;
    }

    long insert(String unitCode, String title, String text, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("insert into canned_reply (unit_code, title, body, updated_by,"
                    + " updated_at) values (?, ?, ?, ?, ?)", new String[] {"id"});
            s.setString(1, unitCode);
            s.setString(2, title);
            s.setString(3, text);
            s.setString(4, by);
            s.setTimestamp(5, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    void update(long id, String title, String text, String by, Instant at) {
        jdbc.update("update canned_reply set title = ?, body = ?, updated_by = ?, updated_at = ? where id = ?",
                title, text, by, Timestamp.from(at), id);
    }

    boolean delete(long id) {
        return jdbc.update("delete from canned_reply where id = ?", id) > 0;
    }
}
