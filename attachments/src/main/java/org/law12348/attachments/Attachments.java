package org.law12348.attachments;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The rows of ticket attachments; the files are in {@link AttachmentStorage}. */
@Repository
class Attachments {

    private static final String COLUMNS = "a.id, t.number, a.kind, a.file_name, a.content_type, a.size_bytes, a.sha256,"
            + " a.added_by, a.added_by_role, a.added_at";
    private static final RowMapper<Attachment> ROW = (rs, i) -> new Attachment(rs.getLong(1), rs.getString(2),
            AttachmentKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());

    private final JdbcTemplate jdbc;

    Attachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Attachment> ofTicket(long ticketId) {
        return jdbc.query("select " + COLUMNS + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
                + " where a.ticket_id = ? order by a.id", ROW, ticketId);
    }

    Optional<Attachment> find(long ticketId, long attachmentId) {
        return jdbc.query("select " + COLUMNS + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
                + " where a.ticket_id = ? and a.id = ?", ROW, ticketId, attachmentId).stream().findFirst();
    }

    Optional<Attachment> findByContent(long ticketId, String sha256) {
        return jdbc.query("select " + COLUMNS + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
                + " where a.ticket_id = ? and a.sha256 = ?", ROW, ticketId, sha256).stream().findFirst();
    }

    /** How many files and bytes the ticket holds. */
    long[] usage(long ticketId) {
        return jdbc.queryForObject("select count(*), coalesce(sum(size_bytes), 0) from ticket_attachment where ticket_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, ticketId);
    }

    long add(long ticketId, AttachmentKind kind, String fileName, AttachmentType type, long size, String sha256,
             String addedBy, String addedByRole, java.time.Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into ticket_attachment (ticket_id, kind,"
                    + " file_name, content_type, size_bytes, sha256, added_by, added_by_role, added_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, ticketId);
            insert.setString(2, kind.name());
            insert.setString(3, fileName);
            insert.setString(4, type.contentType());
            insert.setLong(5, size);
            insert.setString(6, sha256);
            insert.setString(7, addedBy);
            insert.setString(8, addedByRole);
            insert.setTimestamp(9, Timestamp.from(at));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    void delete(long attachmentId) {
        jdbc.update("delete from ticket_attachment where id = ?", attachmentId);
    }

    /** Whether a row names this content of this ticket (the sweep keeps such files). */
    boolean names(String ticketNumber, String sha256) {
        Integer rows = jdbc.queryForObject("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id"
                + " where t.number = ? and a.sha256 = ?", Integer.class, ticketNumber, sha256);
        return rows != null && rows > 0;
    }
}
