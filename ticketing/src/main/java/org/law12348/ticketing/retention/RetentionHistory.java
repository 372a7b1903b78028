package org.law12348.ticketing.retention;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The record of retention runs ({@code retention_run}) with what each participant did in them. */
@Repository
class RetentionHistory {

    private final JdbcTemplate jdbc;

    RetentionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a run; to be called in the transaction that audits it. */
    void record(RetentionRun run) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into retention_run (started_at, "
                    + "finished_at, cutoff, tickets, run_trigger, actor) values (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(run.startedAt()));
            insert.setTimestamp(2, Timestamp.from(run.finishedAt()));
            insert.setTimestamp(3, Timestamp.from(run.cutoff()));
            insert.setInt(4, run.tickets());
            insert.setString(5, run.trigger());
            insert.setString(6, run.actor());
            return insert;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        for (RetentionRun.Participation part : run.participants()) {
            jdbc.update("insert into retention_run_participant (run_id, participant, description, deleted, failed) "
                    + "values (?, ?, ?, ?, ?)", id, part.name(), part.description(), part.deleted(), part.failed());
        }
    }

    /** The latest runs, newest first. */
    List<RetentionRun> recent(int limit) {
        List<Stored> runs = jdbc.query("select id, started_at, finished_at, cutoff, tickets, run_trigger, actor "
                        + "from retention_run order by started_at desc, id desc limit ?",
                (rs, i) -> new Stored(rs.getLong(1), new RetentionRun(
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getString(6),
                        rs.getString(7), List.of())), limit);
        Map<Long, List<RetentionRun.Participation>> parts = participationsOf(runs.stream().map(Stored::id).toList());
        return runs.stream().map(r -> r.run().withParticipants(parts.getOrDefault(r.id(), List.of()))).toList();
    }

    private record Stored(long id, RetentionRun run) {
    }

    private Map<Long, List<RetentionRun.Participation>> participationsOf(List<Long> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<RetentionRun.Participation>> parts = new HashMap<>();
        String placeholders = String.join(", ", Collections.nCopies(runIds.size(), "?"));
        jdbc.query("select run_id, participant, description, deleted, failed from retention_run_participant "
                + "where run_id in (" + placeholders + ")", rs -> {
            parts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new RetentionRun.Participation(
                    rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)));
        }, runIds.toArray());
        return parts;
    }
}
