package org.law12348.ticketing.clocks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The legal clocks of tickets, with their events. */
@Repository
public class LegalClocks {

    /** A ticket's nearest due date on or after a day (the parameter), as a correlated subquery of {@code ticket}. */
    private static final String NEAREST_AHEAD =
            "select min(c.due_date) from legal_clock c where c.ticket_id = ticket.id and c.due_date >= ?";

    private final JdbcTemplate jdbc;

    LegalClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<LegalClock> ofTicket(long ticketId, String ticketNumber) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query("select id, clock_type, trigger_date, updated_by, updated_at, due_date from legal_clock"
                        + " where ticket_id = ? order by id",
                rs -> {
                    Date due = rs.getDate(6);
                    rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), due == null ? null : due.toLocalDate(), new ArrayList<>()));
                }, ticketId);
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.query("select e.id, e.clock_id, e.kind, e.event_date, e.recorded_by, e.recorded_at from legal_clock_event e"
                        + " join legal_clock c on c.id = e.clock_id where c.ticket_id = ? order by e.id",
                rs -> {
                    rows.get(rs.getLong(2)).events().add(new LegalClock.RecordedEvent(rs.getLong(1),
                            LegalClock.EventKind.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }, ticketId);
        return rows.entrySet().stream().map(e -> e.getValue().toClock(e.getKey(), ticketNumber)).toList();
    }

    /** Tickets with a clock still running on {@code today} or with no due date yet (a suspension, a missing year). */
    public List<TicketRef> withLiveClocks(LocalDate today) {
        return jdbc.query("select distinct t.id, t.number from legal_clock c join ticket t on t.id = c.ticket_id"
                        + " where c.due_date is null or c.due_date >= ? order by t.id",
                (rs, i) -> new TicketRef(rs.getLong(1), rs.getString(2)), Date.valueOf(today));
    }

    /**
     * The nearest legal deadline still ahead (on or after {@code today}) of each of these tickets that has
     * one; a suspended clock has no due date and counts for none.
     */
    public Map<Long, LocalDate> nearestDueDates(Collection<Long> ticketIds, LocalDate today) {
        Map<Long, LocalDate> nearest = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return nearest;
        }
        String marks = String.join(",", Collections.nCopies(ticketIds.size(), "?"));
        List<Object> args = new ArrayList<>(ticketIds);
        args.add(Date.valueOf(today));
        jdbc.query("select ticket_id, min(due_date) from legal_clock where ticket_id in (" + marks + ")"
                + " and due_date >= ? group by ticket_id",
                rs -> {
                    nearest.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                }, args.toArray());
        return nearest;
    }

    /** The tickets with a legal deadline from {@code from} to {@code to}, both included. */
    public List<Long> ticketsDueBetween(LocalDate from, LocalDate to) {
        return jdbc.queryForList("select distinct ticket_id from legal_clock where due_date between ? and ?",
                Long.class, Date.valueOf(from), Date.valueOf(to));
    }

    /** A ticket by its row id and number, as clock queries return it. */
    public record TicketRef(long id, String number) {
    }

    public Optional<LegalClock> find(long ticketId, String ticketNumber, long clockId) {
        return ofTicket(ticketId, ticketNumber).stream().filter(c -> c.id() == clockId).findFirst();
    }

    public long add(long ticketId, String type, LocalDate trigger, LocalDate due, String actor, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into legal_clock (ticket_id, clock_type,"
                    + " trigger_date, due_date, created_by, created_at, updated_by, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, ticketId);
            insert.setString(2, type);
            insert.setDate(3, Date.valueOf(trigger));
            insert.setDate(4, due == null ? null : Date.valueOf(due));
            insert.setString(5, actor);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setString(7, actor);
            insert.setTimestamp(8, Timestamp.from(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public void change(long clockId, String type, LocalDate trigger, String actor, Instant now) {
        jdbc.update("update legal_clock set clock_type = ?, trigger_date = ?, updated_by = ?, updated_at = ? where id = ?",
                type, Date.valueOf(trigger), actor, Timestamp.from(now), clockId);
    }

    public void addEvent(long clockId, LegalClock.EventKind kind, LocalDate date, String actor, Instant now) {
        jdbc.update("insert into legal_clock_event (clock_id, kind, event_date, recorded_by, recorded_at) values (?, ?, ?, ?, ?)",
                clockId, kind.name(), Date.valueOf(date), actor, Timestamp.from(now));
        jdbc.update("update legal_clock set updated_by = ?, updated_at = ? where id = ?", actor, Timestamp.from(now), clockId);
    }

    /**
     * Keeps the computed due date beside the clock, and the ticket's nearest deadline still ahead of
     * {@code today} (the queue sorts by it).
     */
    public void recordDueDate(long clockId, LocalDate due, LocalDate today) {
        jdbc.update("update legal_clock set due_date = ? where id = ?", due == null ? null : Date.valueOf(due), clockId);
        jdbc.update("update ticket set legal_deadline = (" + NEAREST_AHEAD + ") where id = (select ticket_id from"
                + " legal_clock where id = ?)", Date.valueOf(today), clockId);
    }

    /** Moves on the tickets' nearest deadlines that passed before {@code today}; answers how many moved. */
    public int moveOnPassedDeadlines(LocalDate today) {
        return jdbc.update("update ticket set legal_deadline = (" + NEAREST_AHEAD + ") where legal_deadline < ?",
                Date.valueOf(today), Date.valueOf(today));
    }

    /** The clock types a ticket has, or on which staff dismissed a suggestion: neither is suggested again. */
    public Set<String> typesNotToSuggest(long ticketId) {
        return new HashSet<>(jdbc.queryForList("select clock_type from legal_clock where ticket_id = ? union select"
                + " clock_type from legal_clock_suggestion_dismissal where ticket_id = ?", String.class, ticketId, ticketId));
    }

    public void dismissSuggestion(long ticketId, String type, String actor, Instant now) {
        jdbc.update("delete from legal_clock_suggestion_dismissal where ticket_id = ? and clock_type = ?", ticketId, type);
        jdbc.update("insert into legal_clock_suggestion_dismissal (ticket_id, clock_type, dismissed_by, dismissed_at)"
                + " values (?, ?, ?, ?)", ticketId, type, actor, Timestamp.from(now));
    }

    /** Removes a ticket's clocks with their events and reminders (its personal data goes); returns how many. */
    public int deleteOfTicket(long ticketId) {
        jdbc.update("delete from legal_clock_suggestion_dismissal where ticket_id = ?", ticketId);
        String ofTicket = " where clock_id in (select id from legal_clock where ticket_id = ?)";
        jdbc.update("delete from legal_clock_reminder" + ofTicket, ticketId);
        jdbc.update("delete from legal_clock_event" + ofTicket, ticketId);
        jdbc.update("update ticket set legal_deadline = null where id = ?", ticketId);
        return jdbc.update("delete from legal_clock where ticket_id = ?", ticketId);
    }

    private record Row(String type, LocalDate trigger, String updatedBy, Instant updatedAt, LocalDate due,
                       List<LegalClock.RecordedEvent> events) {
        LegalClock toClock(long id, String ticketNumber) {
            return new LegalClock(id, ticketNumber, type, trigger, events, updatedBy, updatedAt, due);
        }
    }
}
