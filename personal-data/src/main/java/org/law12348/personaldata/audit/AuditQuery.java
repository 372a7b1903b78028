package org.law12348.personaldata.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;

/** Filters of the administrators' audit search; every part may be null. */
public record AuditQuery(String actor, String ticketNumber, AuditAction action, Instant from, Instant to) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /**
     * The filters in the words the audit page shows, for the audit entry of the search itself (an
     * administrator reads it there, so no field names or enum codes).
     */
    public String describe(ZoneId zone) {
        StringJoiner filters = new StringJoiner("，");
        if (actor != null) {
            filters.add("操作人 " + actor);
        }
        if (ticketNumber != null) {
            filters.add("工单 " + ticketNumber);
        }
        if (action != null) {
            filters.add("操作 " + action.chineseName());
        }
        if (from != null) {
            filters.add("自 " + SHOWN.format(from.atZone(zone)));
        }
        if (to != null) {
            filters.add("至 " + SHOWN.format(to.atZone(zone)));
        }
        return filters.length() == 0 ? "无筛选条件" : filters.toString();
    }
}
