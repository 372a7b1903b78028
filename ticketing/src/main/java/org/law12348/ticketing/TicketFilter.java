package org.law12348.ticketing;

import org.law12348.personaldata.privacy.LogMasking;

import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Filters of the staff ticket list; {@code null} means "any". A region filter matches the division
 * and everything inside it (440000 → the province, 440100 → the city, 440106 → the district).
 * {@code legalDeadlineBy}: only tickets with a citizen's legal deadline from today up to that day.
 * {@code text}: words a ticket's number starts with (any case), or its subject or question holds, or the
 * citizen's phone number for members who may see it ({@link TicketSearch}).
 */
public record TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                           Channel channel, String handlingUnit, RoutingQueue queue, String assignee,
                           Boolean overdue, DeadlineState deadline, LocalDate legalDeadlineBy, String text) {

    public static final int MAX_TEXT = 100;

    public TicketFilter {
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new InvalidInputException("q", "q.length", "搜索内容应为1到" + MAX_TEXT + "个字");
        }
    }

    /** The filters without a text search. */
    public TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                        Channel channel, String handlingUnit, RoutingQueue queue, String assignee, Boolean overdue,
                        DeadlineState deadline, LocalDate legalDeadlineBy) {
        this(region, businessType, kind, status, channel, handlingUnit, queue, assignee, overdue, deadline,
                legalDeadlineBy, null);
    }

    /** The same filters with another status: the deadline states' per-status queries. */
    TicketFilter withStatus(TicketStatus other) {
        return new TicketFilter(region, businessType, kind, other, channel, handlingUnit, queue, assignee, overdue,
                deadline, legalDeadlineBy, text);
    }

    /** The filters without a legal-deadline filter. */
    public TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                        Channel channel, String handlingUnit, RoutingQueue queue, String assignee, Boolean overdue,
                        DeadlineState deadline) {
        this(region, businessType, kind, status, channel, handlingUnit, queue, assignee, overdue, deadline, null);
    }

    /** The filters without a deadline state, as the JSON API has always taken them. */
    public TicketFilter(RegionCode region, BusinessType businessType, TicketKind kind, TicketStatus status,
                        Channel channel, String handlingUnit, RoutingQueue queue, String assignee, Boolean overdue) {
        this(region, businessType, kind, status, channel, handlingUnit, queue, assignee, overdue, null);
    }

    /**
     * The filters in the words the audit page shows, for the audit entry of the list read: names, not
     * codes; the searched text masked, as it may hold a phone or ID number.
     */
    public String describe(Function<RegionCode, String> regionName) {
        StringJoiner parts = new StringJoiner("，");
        add(parts, "地区", region == null ? null : regionName.apply(region));
        add(parts, "业务类型", businessType == null ? null : businessType.chineseName());
        add(parts, "类型", kind == null ? null : kind.chineseName());
        add(parts, "状态", status == null ? null : status.chineseName());
        add(parts, "渠道", channel == null ? null : channel.chineseName());
        add(parts, "承办单位", handlingUnit);
        add(parts, "队列", queue == null ? null : queue.chineseName());
        add(parts, "处理人", assignee);
        add(parts, "超时", overdue == null ? null : overdue ? "是" : "否");
        add(parts, "时限", deadline == null ? null : deadline.chineseName());
        add(parts, "法律期限截至", legalDeadlineBy == null ? null : legalDeadlineBy.toString());
        add(parts, "搜索", text == null ? null : "“" + LogMasking.mask(text) + "”");
        return parts.length() == 0 ? "全部工单" : parts.toString();
    }

    private static void add(StringJoiner parts, String label, String value) {
        if (value != null) {
            parts.add(label + " " + value);
        }
    }

    /** No filter at all. */
    public static TicketFilter any() {
        return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
