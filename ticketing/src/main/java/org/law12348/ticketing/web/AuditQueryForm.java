package org.law12348.ticketing.web;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditQuery;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The audit search's filters as an administrator types them into the audit page or a query string. */
final class AuditQueryForm {

    private AuditQueryForm() {
    }

    /**
     * Reads the filters as typed into a form or a query string. Times are ISO-8601 instants or dates;
     * a date means its start in {@code zone}, and as the upper bound the whole day is included.
     *
     * @throws InvalidInputException naming the field that is malformed
     */
    static AuditQuery parse(String actor, String ticket, String action, String from, String to, ZoneId zone) {
        return new AuditQuery(blankToNull(actor), ticket(ticket), action(action), time("from", from, zone, false),
                time("to", to, zone, true));
    }

    private static Instant time(String field, String raw, ZoneId zone, boolean upper) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "field.wrongType", "时间格式应为 2026-11-28 或 2026-11-28T08:00:00Z");
        }
    }

    private static String ticket(String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!TicketNumber.isWellFormed(upper)) {
            throw new InvalidInputException("ticket", "ticketNumber.malformed", "工单编号格式不正确");
        }
        return upper;
    }

    private static AuditAction action(String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "action.unknown", "不支持的操作类型");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
