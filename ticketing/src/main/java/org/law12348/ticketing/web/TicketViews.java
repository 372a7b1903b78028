package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.PoolAnswerWindow;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.RouteTexts;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.TimelineEventType;
import org.law12348.ticketing.internal.TrackingTokens;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns tickets into the JSON citizens and staff see; citizens never see internal notes or staff names. */
@Component
class TicketViews {

    @Schema(description = "工单")
    record TicketView(String number, String status, String statusName, String kind, String kindName,
                      String channel, String businessType, String businessTypeName, String regionCode,
                      String regionName, String subject, String text, String handlingUnit, String handlingUnitName,
                      String queue, Instant createdAt, Instant dueAt, Instant firstAnsweredAt, Instant closedAt,
                      Integer satisfaction,
                      @Schema(description = "合并到的工单编号（未合并时为空）") String mergedInto,
                      @Schema(description = "合并到的工单的查询凭证：仅在市民凭本工单的查询凭证查看时给出，"
                              + "市民据此继续查看合并后的工单") String mergedIntoToken,
                      StaffDetails staff, List<TimelineView> timeline) {
    }

    /** No channel reference: it is the key a submission could be replayed with, and staff need it for nothing. */
    @Schema(description = "仅工作人员可见的工单信息")
    record StaffDetails(String assignee, String routeRule, boolean escalated, boolean handedOver, boolean overdue,
                        String contactName, String contactPhone, String contactIdNumber,
                        @Schema(description = "志愿者咨询池无人答复时转交外包服务单位的时刻；不在池中等待时为空") Instant handOverAt) {
    }

    @Schema(description = "工单时间线条目")
    record TimelineView(String type, String typeName, String actor, String text, Instant at,
                        @Schema(description = "分派所依据的路由规则编号：仅管理员可见，且不在 text 中") String ruleId) {
    }

    @Schema(description = "工单列表条目")
    record TicketSummary(String number, String status, String statusName, String kind, String kindName,
                         String channel, String channelName, String businessType, String businessTypeName,
                         String regionCode, String regionName, String subject, String handlingUnit,
                         String handlingUnitName, String queue, String queueName, String assignee, Instant createdAt,
                         Instant dueAt, boolean overdue, boolean escalated,
                         @Schema(description = "市民最近的法律期限截止日（尚未届满的；没有则为空）") LocalDate legalDeadline,
                         @Schema(description = "志愿者咨询池无人答复时转交外包服务单位的时刻（创建时间加答复时限）；"
                                 + "不在池中等待、已答复、已办结或已转交时为空") Instant handOverAt) {
    }

    private final Regions regions;
    private final HandlingUnits units;
    private final TrackingTokens trackingTokens;
    private final PoolAnswerWindow answerWindow;

    TicketViews(Regions regions, HandlingUnits units, TrackingTokens trackingTokens, PoolAnswerWindow answerWindow) {
        this.regions = regions;
        this.units = units;
        this.trackingTokens = trackingTokens;
        this.answerWindow = answerWindow;
    }

    TicketView forCitizen(Ticket t) {
        List<TimelineView> timeline = t.timeline().stream().filter(TimelineEntry::visibleToCitizen)
                .map(e -> new TimelineView(e.type().name(), e.type().chineseName(), citizenFacingActor(e),
                        routeSplit(e, e.text()).text(), e.occurredAt(), null))
                .toList();
        // a merge is staff saying both tickets are this citizen's one question: the holder of the
        // duplicate's token follows it to the ticket that goes on
        String survivorToken = t.mergedInto() == null ? null : trackingTokens.tokenFor(t.mergedInto());
        return view(t, t.subject(), t.text(), survivorToken, null, timeline);
    }

    TicketView forStaff(Ticket t, StaffMember staff, Instant now) {
        StaffDetails details = new StaffDetails(t.assignee(), t.routeRule(), t.escalated(), t.handedOver(),
                t.isOverdue(now), t.contact().name(), staff.contactPhoneOf(t), staff.contactIdNumberOf(t),
                t.handOverAt(answerWindow.length()));
        boolean admin = staff.hasRole(StaffRole.ADMIN);
        List<TimelineView> timeline = t.timeline().stream()
                .map(e -> {
                    RouteTexts.Split split = routeSplit(e, staff.textOf(t, e.text()));
                    return new TimelineView(e.type().name(), e.type().chineseName(), e.actor(), split.text(),
                            e.occurredAt(), admin ? split.ruleId() : null);
                })
                .toList();
        return view(t, staff.textOf(t, t.subject()), staff.textOf(t, t.text()), null, details, timeline);
    }

    /** The units' names of a page of tickets, read in one query rather than one per row. */
    Map<String, String> unitNames(List<Ticket> tickets) {
        Set<String> codes = tickets.stream().map(Ticket::handlingUnit).collect(Collectors.toSet());
        return units.findAllById(codes).stream().collect(Collectors.toMap(HandlingUnit::code, HandlingUnit::name));
    }

    TicketSummary summary(Ticket t, StaffMember staff, Instant now, LocalDate legalDeadline,
                          Map<String, String> unitNames) {
        return new TicketSummary(t.number(), t.status().name(), t.status().chineseName(), t.kind().name(),
                t.kind().chineseName(), t.channel().name(), t.channel().chineseName(), t.businessType().name(),
                t.businessType().chineseName(), t.region().value(), regions.fullName(t.region()),
                staff.textOf(t, t.subject()), t.handlingUnit(),
                unitNames.getOrDefault(t.handlingUnit(), t.handlingUnit()), t.queue().name(),
                t.queue().chineseName(), t.assignee(), t.createdAt(), t.dueAt(), t.isOverdue(now), t.escalated(),
                legalDeadline, t.handOverAt(answerWindow.length()));
    }

    private TicketView view(Ticket t, String subject, String text, String mergedIntoToken, StaffDetails details,
                            List<TimelineView> timeline) {
        String unitName = units.findById(t.handlingUnit()).map(HandlingUnit::name).orElse(t.handlingUnit());
        return new TicketView(t.number(), t.status().name(), t.status().chineseName(), t.kind().name(),
                t.kind().chineseName(), t.channel().name(), t.businessType().name(),
                t.businessType().chineseName(), t.region().value(), regions.fullName(t.region()), subject,
                text, t.handlingUnit(), unitName, t.queue().name(), t.createdAt(), t.dueAt(),
                t.firstAnsweredAt(), t.closedAt(), t.satisfaction(), t.mergedInto(), mergedIntoToken, details,
                timeline);
    }

    /** Only routing entries end in a rule id; a note that happens to end in "，规则 X" stays as written. */
    private static RouteTexts.Split routeSplit(TimelineEntry e, String text) {
        boolean routing = e.type() == TimelineEventType.ROUTED || e.type() == TimelineEventType.REROUTED;
        return routing ? RouteTexts.split(text) : new RouteTexts.Split(text, null);
    }

    /** Citizens see 市民, 系统 or 工作人员, never a staff member's account name. */
    private static String citizenFacingActor(TimelineEntry e) {
        if (Ticket.CITIZEN.equals(e.actor())) {
            return "市民";
        }
        return Ticket.SYSTEM.equals(e.actor()) ? "系统" : "工作人员";
    }
}
