package org.law12348.ticketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each staff member's saved queue filters. A person sees and changes only their own views: another
 * person's view id answers as not found, so ids cannot be probed.
 */
@Service
public class SavedQueueViews {

    /** A saved view: its name and the list's query parameters. */
    public record SavedView(long id, String name, Map<String, String> filters) {
    }

    /** The query parameters of {@code GET /api/v1/staff/tickets} a view may hold. */
    public static final Set<String> FILTER_KEYS = Set.of("regionCode", "businessType", "kind", "status", "channel",
            "handlingUnit", "queue", "assignee", "deadline", "legalDeadlineWithinDays", "q", "sort", "direction");
    static final int MAX_NAME = 40;
    static final int MAX_VALUE = 100;
    static final int MAX_VIEWS = 50;

    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    SavedQueueViews(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedView> of(StaffMember staff) {
        requireRole(staff);
        return jdbc.query("select id, name, filters from saved_queue_view where owner = ? order by name, id",
                rows(), staff.username());
    }

    @Transactional
    public SavedView create(String name, Map<String, String> filters, StaffMember staff) {
        requireRole(staff);
        String checkedName = name(name);
        String stored = filters(filters);
        Integer count = jdbc.queryForObject("select count(*) from saved_queue_view where owner = ?", Integer.class,
                staff.username());
        if (count != null && count >= MAX_VIEWS) {
            throw new InvalidInputException("name", "view.tooMany", "最多保存" + MAX_VIEWS + "个视图，请先删除不用的");
        }
        requireFreeName(checkedName, null, staff);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        unique(() -> jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into saved_queue_view (owner, name, "
                    + "filters, created_at, updated_at) values (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, staff.username());
            insert.setString(2, checkedName);
            insert.setString(3, stored);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            return insert;
        }, key));
        return new SavedView(key.getKey().longValue(), checkedName, parse(stored));
    }

    @Transactional
    public SavedView update(long id, String name, Map<String, String> filters, StaffMember staff) {
        requireRole(staff);
        String checkedName = name(name);
        String stored = filters(filters);
        requireOwn(id, staff);
        requireFreeName(checkedName, id, staff);
        unique(() -> jdbc.update("update saved_queue_view set name = ?, filters = ?, updated_at = ? "
                + "where id = ? and owner = ?", checkedName, stored, Timestamp.from(clock.instant()), id,
                staff.username()));
        return new SavedView(id, checkedName, parse(stored));
    }

    @Transactional
    public void delete(long id, StaffMember staff) {
        requireRole(staff);
        if (jdbc.update("delete from saved_queue_view where id = ? and owner = ?", id, staff.username()) == 0) {
            throw notFound();
        }
    }

    private void requireOwn(long id, StaffMember staff) {
        Integer found = jdbc.queryForObject("select count(*) from saved_queue_view where id = ? and owner = ?",
                Integer.class, id, staff.username());
        if (found == null || found == 0) {
            throw notFound();
        }
    }

    private void requireFreeName(String name, Long except, StaffMember staff) {
        Integer taken = jdbc.queryForObject("select count(*) from saved_queue_view where owner = ? and name = ? "
                + "and id <> ?", Integer.class, staff.username(), name, except == null ? -1L : except);
        if (taken != null && taken > 0) {
            throw nameTaken();
        }
    }

    /** Two saves of one name at once: the database's unique key decides, the loser hears why. */
    private static void unique(Runnable write) {
        try {
            write.run();
        } catch (DataIntegrityViolationException e) {
            if (UniqueViolation.in(e)) {
                throw nameTaken();
            }
            throw e;
        }
    }

    private static String name(String raw) {
        String name = TicketService.checkedText("name", raw, MAX_NAME);
        if (name.contains("\n") || name.contains("\r")) {
            throw new InvalidInputException("name", "name.multiline", "名称不能换行");
        }
        return name;
    }

    private String filters(Map<String, String> filters) {
        if (filters == null) {
            throw new InvalidInputException("filters", "field.required", "请提供筛选条件");
        }
        TreeMap<String, String> kept = new TreeMap<>();
        for (Map.Entry<String, String> e : filters.entrySet()) {
            if (!FILTER_KEYS.contains(e.getKey())) {
                throw new InvalidInputException("filters", "filters.unknown", "不支持的筛选条件");
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                kept.put(e.getKey(), TicketService.checkedText("filters." + e.getKey(), e.getValue(), MAX_VALUE));
            }
        }
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    private Map<String, String> parse(String stored) {
        try {
            return json.readValue(stored, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Saved view filters are written by this class only", e);
        }
    }

    private RowMapper<SavedView> rows() {
        return (rs, i) -> new SavedView(rs.getLong("id"), rs.getString("name"), parse(rs.getString("filters")));
    }

    private static InvalidInputException nameTaken() {
        return new InvalidInputException("name", "view.nameTaken", "已有同名视图，请换一个名称");
    }

    private static SavedViewNotFoundException notFound() {
        return new SavedViewNotFoundException();
    }

    private static void requireRole(StaffMember staff) {
        if (!staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不使用工单队列");
        }
    }
}
