package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.DeadlineState;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketAssignments;
import org.law12348.ticketing.TicketFilter;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketOrder;
import org.law12348.ticketing.TicketPage;
import org.law12348.ticketing.TicketSearch;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.clocks.LegalClockService;
import org.law12348.ticketing.clocks.LegalClocks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The staff ticket API: list with filters, and the actions each role may take. */
@RestController
@RequestMapping("/api/v1/staff/tickets")
@Tag(name = "staff-tickets", description = "工作人员工单接口（HTTP Basic 或登录会话）")
class StaffTicketController {

    @Schema(description = "答复、备注的文字（答复至少5字，最多8000字；备注最多2000字）")
    record TextBody(String text) {
    }

    @Schema(description = "转派：目标承办单位编码和理由")
    record ReassignBody(String unitCode, String reason) {
    }

    @Schema(description = "更正地区或业务类型：行政区划编码、业务类型和理由（2-2000字）；按路由规则重新分派")
    record RerouteBody(String regionCode, String businessType, String reason) {
    }

    @Schema(description = "办结理由（可空）")
    record CloseBody(String reason) {
    }

    @Schema(description = "合并：目标工单编号（市民继续使用的那一件）和理由（2-2000字）")
    record MergeBody(String target, String reason) {
    }

    @Schema(description = "工单列表的一页")
    record SummaryPage(List<TicketViews.TicketSummary> items, String nextCursor,
                       @Schema(description = "符合条件的工单总数（不只是本页）") long total) {
    }

    private final TicketSearch search;
    private final TicketService service;
    private final TicketViews views;
    private final CurrentStaff currentStaff;
    private final Regions regions;
    private final AuditTrail audit;
    private final LegalClocks clocks;
    private final LegalClockService clockService;
    private final Clock clock;

    StaffTicketController(TicketSearch search, TicketService service, TicketViews views, CurrentStaff currentStaff,
                          Regions regions, AuditTrail audit, Clock clock, LegalClocks clocks,
                          LegalClockService clockService) {
        this.audit = audit;
        this.search = search;
        this.service = service;
        this.views = views;
        this.currentStaff = currentStaff;
        this.regions = regions;
        this.clock = clock;
        this.clocks = clocks;
        this.clockService = clockService;
    }

    @GetMapping
    @Operation(summary = "工单列表", description = "默认按截止时间排序，可按任一列升序或降序，游标分页（游标只在同一排序下有效）；"
            + "承办人只能看到本单位工单")
    SummaryPage list(@RequestParam(required = false) String regionCode,
                     @RequestParam(required = false) String businessType,
                     @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String status,
                     @RequestParam(required = false) String channel,
                     @RequestParam(required = false) String handlingUnit,
                     @RequestParam(required = false) String queue,
                     @Parameter(description = "承办人账号；me 表示自己（我的工单）")
                     @RequestParam(required = false) String assignee,
                     @RequestParam(required = false) Boolean overdue,
                     @Parameter(description = "时限状态：OVERDUE 已超时，DUE_SOON 2小时内到期，POOL_UNANSWERED 志愿者池未答复，"
                             + "HANDED_OVER 已转外包单位")
                     @RequestParam(required = false) String deadline,
                     @Parameter(description = "搜索：工单编号（不分大小写）、标题和问题内容；承办人（本单位）和管理员还可按市民完整手机号搜索")
                     @RequestParam(required = false) String q,
                     @Parameter(description = "排序列：dueAt createdAt number status businessType channel region handlingUnit legalDeadline"
                             + "（最近的市民法律期限；没有的工单在两个方向都排在最后）")
                     @RequestParam(required = false) String sort,
                     @Parameter(description = "排序方向：asc（默认）或 desc")
                     @RequestParam(required = false) String direction,
                     @Parameter(description = "只看市民法律期限在今天起若干天内到期的工单（1-3650）")
                     @RequestParam(required = false) Integer legalDeadlineWithinDays,
                     @RequestParam(required = false) String cursor,
                     @RequestParam(defaultValue = "50") int limit) {
        StaffMember staff = currentStaff.require();
        TicketFilter filter = new TicketFilter(
                regionCode == null || regionCode.isBlank() ? null : regions.require(regionCode.strip(), "regionCode"),
                parse("businessType", businessType, BusinessType::valueOf),
                parse("kind", kind, TicketKind::valueOf),
                parse("status", status, TicketStatus::valueOf),
                parse("channel", channel, Channel::valueOf),
                blankToNull(handlingUnit),
                parse("queue", queue, RoutingQueue::valueOf),
                TicketAssignments.ME.equals(blankToNull(assignee)) ? staff.username() : blankToNull(assignee),
                overdue, parse("deadline", deadline, DeadlineState::valueOf), legalDeadlineBy(legalDeadlineWithinDays),
                blankToNull(q));
        TicketOrder order = TicketOrder.parse(sort, direction);
        TicketPage page = search.find(filter, order, cursor, limit, staff);
        long total = search.count(filter, staff);
        audit.read(staff, AuditAction.TICKET_LIST_VIEWED, searchedCitizen(filter, staff), "查询条件："
                + filter.describe(regions::fullName) + "；本页 " + page.tickets().size() + " 件");
        Map<Long, LocalDate> legalDeadlines = clocks.nearestDueDates(
                page.tickets().stream().map(Ticket::id).toList(), clockService.today());
        Map<String, String> unitNames = views.unitNames(page.tickets());
        return new SummaryPage(page.tickets().stream()
                .map(t -> views.summary(t, staff, clock.instant(), legalDeadlines.get(t.id()), unitNames)).toList(),
                page.nextCursor(), total);
    }

    /** A search by phone number reads that citizen's tickets: the audit trail names whose. */
    private static AuditSubject searchedCitizen(TicketFilter filter, StaffMember staff) {
        PhoneNumber phone = filter.text() == null || !staff.hasRole(StaffRole.ADMIN, StaffRole.UNIT_HANDLER)
                ? null : TicketSearch.phoneIn(filter.text());
        return phone == null ? AuditSubject.none() : AuditSubject.citizen(phone);
    }

    private LocalDate legalDeadlineBy(Integer withinDays) {
        if (withinDays == null) {
            return null;
        }
        if (withinDays < 1 || withinDays > 3650) {
            throw new InvalidInputException("legalDeadlineWithinDays", "legalDeadlineWithinDays.outOfRange",
                    "法律期限的天数应在1到3650之间");
        }
        return clockService.today().plusDays(withinDays);
    }

    @GetMapping("/{number}")
    @Operation(summary = "工单详情（含内部备注）")
    TicketViews.TicketView get(@PathVariable String number) {
        StaffMember staff = currentStaff.require();
        Ticket ticket = service.view(checked(number), staff);
        audit.read(staff, AuditAction.TICKET_VIEWED, AuditSubject.ticket(ticket.number())
                .withCitizen(ticket.contact().phone()), AuditTrail.TICKET_DETAIL_FIELDS);
        return views.forStaff(ticket, staff, clock.instant());
    }

    @PostMapping("/{number}/accept")
    @Operation(summary = "受理", description = "承办人（本单位）、调度员、管理员")
    TicketViews.TicketView accept(@PathVariable String number) {
        StaffMember staff = currentStaff.require();
        return detail(service.accept(checked(number), staff), staff);
    }

    @PostMapping("/{number}/answer")
    @Operation(summary = "答复市民", description = "承办人（本单位）、调度员、管理员")
    TicketViews.TicketView answer(@PathVariable String number, @RequestBody TextBody body) {
        StaffMember staff = currentStaff.require();
        return detail(service.answer(checked(number), body == null ? null : body.text(), staff), staff);
    }

    @PostMapping("/{number}/reassign")
    @Operation(summary = "转派到其他承办单位", description = "调度员、管理员")
    TicketViews.TicketView reassign(@PathVariable String number, @RequestBody ReassignBody body) {
        StaffMember staff = currentStaff.require();
        return detail(service.reassign(checked(number), body == null ? null : body.unitCode(),
                body == null ? null : body.reason(), staff), staff);
    }

    @PostMapping("/{number}/reroute")
    @Operation(summary = "更正地区或业务类型并按路由规则重新分派",
            description = "调度员、管理员；地区和业务类型都未改变时拒绝（400 reroute.unchanged）")
    TicketViews.TicketView reroute(@PathVariable String number, @RequestBody(required = false) RerouteBody body) {
        StaffMember staff = currentStaff.require();
        String region = body == null ? null : blankToNull(body.regionCode());
        return detail(service.reroute(checked(number), region == null ? null : regions.require(region, "regionCode"),
                parse("businessType", body == null ? null : body.businessType(), BusinessType::valueOf),
                body == null ? null : body.reason(), staff), staff);
    }

    @PostMapping("/{number}/notes")
    @Operation(summary = "添加内部备注（市民不可见）")
    TicketViews.TicketView note(@PathVariable String number, @RequestBody TextBody body) {
        StaffMember staff = currentStaff.require();
        return detail(service.addNote(checked(number), body == null ? null : body.text(), staff), staff);
    }

    @PostMapping("/{number}/close")
    @Operation(summary = "办结", description = "承办人（本单位）、调度员、管理员")
    TicketViews.TicketView close(@PathVariable String number, @RequestBody(required = false) CloseBody body) {
        StaffMember staff = currentStaff.require();
        return detail(service.close(checked(number), body == null ? null : body.reason(), staff), staff);
    }

    @PostMapping("/{number}/merge")
    @Operation(summary = "合并重复工单", description = "本工单的问题并入目标工单的时间线，本工单随即办结并指向目标工单；"
            + "市民凭本工单的查询凭证可继续查看目标工单。调度员、管理员")
    TicketViews.TicketView merge(@PathVariable String number, @RequestBody(required = false) MergeBody body) {
        StaffMember staff = currentStaff.require();
        return detail(service.merge(checked(number), body == null ? null : body.target(),
                body == null ? null : body.reason(), staff), staff);
    }

    private TicketViews.TicketView detail(Ticket changed, StaffMember staff) {
        return views.forStaff(service.view(changed.number(), staff), staff, clock.instant());
    }

    private static String checked(String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        return number;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + ".unknown", "不支持的取值：" + (v.length() > 40 ? v.substring(0, 40) : v));
        }
    }
}
