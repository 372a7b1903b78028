package org.law12348.telephony.internal.web;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.calls.CallSearch;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.internal.calls.CallerHistory;
import org.law12348.telephony.internal.calls.StaffCallDesk;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.internal.web.CallViews.CallView;
import org.law12348.telephony.internal.web.CallViews.CallbackView;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The console's hotline API: call log, a caller's history, call summaries and call backs. */
@RestController
class StaffCallController {

    /** One page of the call log, with the queues the IVR menu knows (the queue filter's choices). */
    record CallPage(List<CallView> items, long total, int page, int limit, List<QueueNames.QueueName> queues) {
    }

    record CallerHistoryView(String phone, List<CallerHistory.OpenTicket> openTickets, List<CallView> calls) {
    }

    record SummaryBody(String text, String ticketNumber, String businessType, String regionCode) {
    }

    record SummaryView(String callId, String ticketNumber, boolean ticketCreated) {
    }

    /** {@code dialNow}: click-to-call, dialled at once from the caller's own desk (409 outside service hours). */
    record CallbackBody(String phone, String agentExtension, Boolean dialNow) {
    }

    /** Calling back a call: {@code dialNow} defaults to true (click-to-call). */
    record CallBackBody(String agentExtension, Boolean dialNow) {
    }

    record CallbackPage(List<CallbackView> items) {
    }

    private static final int MAX_LIMIT = 200;
    private static final int MAX_DAYS = 366;

    private final StaffGate gate;
    private final CallRecords records;
    private final CallSearch search;
    private final QueueNames queueNames;
    private final CallbackTasks callbackTasks;
    private final CallLog calls;
    private final CallerHistory history;
    private final StaffCallDesk desk;
    private final CallViews views;
    private final AuditTrail audit;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final ClickToCall clickToCall;
    private final PhoneDesks phoneDesks;
    private final Regions regions;
    private final ZoneId zone;

    StaffCallController(StaffGate gate, CallRecords records, CallSearch search, QueueNames queueNames, CallbackTasks callbackTasks, CallLog calls,
                        CallerHistory history, StaffCallDesk desk, CallViews views, AuditTrail audit,
                        PersonalDataCipher cipher, Clock clock, ClickToCall clickToCall, PhoneDesks phoneDesks,
                        Regions regions, TelephonyProperties properties) {
        this.regions = regions;
        this.zone = properties.hours().zone();
        this.clickToCall = clickToCall;
        this.phoneDesks = phoneDesks;
        this.callbackTasks = callbackTasks;
        this.audit = audit;
        this.gate = gate;
        this.records = records;
        this.search = search;
        this.queueNames = queueNames;
        this.calls = calls;
        this.history = history;
        this.desk = desk;
        this.views = views;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * The call log: calls started in [from, to) (default: the last 7 days), filtered by the caller's
     * number, region (a province, city or county code), queue, agent, outcomes (comma-separated) and
     * whether a recording exists; one page of {@code limit} rows, newest first, with the total.
     */
    @GetMapping("/api/v1/staff/calls")
    CallPage list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String queue, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String agent, @RequestParam(required = false) String hasRecording,
                  @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String limit) {
        StaffMember staff = gate.require("查看通话记录");
        CallLogFilters.Parsed f = CallLogFilters.parse(from, to, phone, outcome, queue, region, agent, hasRecording,
                page, limit, clock.instant());
        String caller = f.phone();
        Page<CallRecord> found = search.find(new CallSearch.Filter(f.from(), f.to(),
                caller == null ? null : cipher.blindIndex(caller), f.regionPrefix(), f.queue(), f.agent(),
                f.outcomes(), f.hasRecording()), f.page(), f.limit());
        List<CallView> items = found.stream().map(c -> views.of(c, staff)).toList();
        audit.read(staff, AuditAction.CALL_LIST_VIEWED,
                AuditSubject.none().withCitizen(caller == null ? null : new PhoneNumber(caller)),
                "来电号码、录音。查询条件：" + CallLogFilters.describe(f, regionName(region), queueNames::nameOf, zone)
                        + "；本页 " + items.size() + " 通");
        return new CallPage(items, found.getTotalElements(), f.page(), f.limit(), queueNames.menuQueues());
    }

    @GetMapping("/api/v1/staff/callers/{phone}/history")
    CallerHistoryView history(@PathVariable String phone) {
        StaffMember staff = gate.require("查看来电人历史");
        String number = phoneNumber(phone);
        List<CallerHistory.OpenTicket> open = history.openTickets(number, 50).stream()
                .filter(t -> staff.role() != StaffRole.UNIT_HANDLER || t.handlingUnit().equals(staff.unitCode()))
                .map(t -> new CallerHistory.OpenTicket(t.number(), t.businessType(), t.status(),
                        staff.textIn(t.handlingUnit(), t.subject()), t.handlingUnit(), t.createdAt()))
                .toList();
        List<CallView> recent = records.findByCallerPhoneHashOrderByStartedAtDesc(cipher.blindIndex(number),
                PageRequest.of(0, 50)).stream().map(c -> views.of(c, staff)).toList();
        audit.read(staff, AuditAction.CALLER_HISTORY_VIEWED, AuditSubject.citizen(new PhoneNumber(number)),
                "未办结工单" + open.size() + "件、通话" + recent.size() + "次");
        return new CallerHistoryView(views.phone(number, staff), open, recent);
    }

    @PostMapping("/api/v1/staff/calls/{callId}/summary")
    @ResponseStatus(HttpStatus.CREATED)
    SummaryView summary(@PathVariable String callId, @RequestBody SummaryBody body) {
        StaffMember staff = gate.require("填写通话小结");
        CallRecord call = calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw new InvalidInputException("text", "field.required", "请填写通话小结");
        }
        StaffCallDesk.Summary summary = desk.summarize(call, body.text(), body.ticketNumber(), body.businessType(),
                body.regionCode(), staff);
        phoneDesks.callSummarised(staff.username(), callId);
        return new SummaryView(callId, summary.ticketNumber(), summary.created());
    }

    @PostMapping("/api/v1/staff/tickets/{number}/callback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CallbackView callback(@PathVariable String number, @RequestBody(required = false) CallbackBody body) {
        StaffMember staff = gate.require("安排回拨");
        boolean now = body != null && Boolean.TRUE.equals(body.dialNow());
        String extension = body == null ? null : body.agentExtension();
        if (now) {
            clickToCall.requireOpen();
            extension = clickToCall.extensionOf(staff, extension);
        }
        CallbackTask task = desk.requestCallback(number, body == null ? null : body.phone(), extension, staff);
        if (now) {
            clickToCall.dial();
        }
        return views.of(task, staff);
    }

    /**
     * Click-to-call from the call log or the desk: dials the caller of a call back (by default at once,
     * as {@link #callback} with {@code dialNow}); a call without a ticket, a missed call, first gets a
     * PHONE ticket made from it, so the outcome lands on that ticket's timeline. {@code dialNow: false}
     * books the callback for the next opening instead.
     */
    @PostMapping("/api/v1/staff/calls/{callId}/callback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CallbackView callBack(@PathVariable String callId, @RequestBody(required = false) CallBackBody body) {
        StaffMember staff = gate.require("回拨来电");
        CallRecord call = calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
        // the ticket made for a call without one is routed by the caller's IVR choices, possibly to another
        // unit, whose ticket a unit handler could then not call back on: such calls are the centre's to return
        if (call.ticketNumber() == null && !staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("尚未建单的来电由调度员回拨");
        }
        boolean now = body == null || !Boolean.FALSE.equals(body.dialNow());
        String extension = body == null ? null : body.agentExtension();
        if (now) {
            clickToCall.requireOpen();
            extension = clickToCall.extensionOf(staff, extension);
        }
        String ticket = desk.ticketForCallback(call, staff);
        CallbackTask task = desk.requestCallback(ticket, call.callerPhone(), extension, staff);
        if (now) {
            clickToCall.dial();
        }
        return views.of(task, staff);
    }

    /**
     * Callbacks in one or more states (comma-separated, or {@code OPEN} for all not yet done; default
     * {@code HANDED_OVER}: every attempt failed, a dispatcher calls the citizen), newest first, booked within the last {@code days} days, with the history of attempts.
     */
    @GetMapping("/api/v1/staff/callbacks")
    CallbackPage callbacks(@RequestParam(defaultValue = "HANDED_OVER") String status,
                           @RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "50") int limit) {
        StaffMember staff = gate.requireDispatcher("查看回拨任务");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit.outOfRange", "每页条数应在1到" + MAX_LIMIT + "之间");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "days.outOfRange", "天数应在1到" + MAX_DAYS + "之间");
        }
        List<CallbackView> found = callbackTasks.findByStatusInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
                        callbackStatuses(status), clock.instant().minus(Duration.ofDays(days)), PageRequest.of(0, limit))
                .stream().map(t -> views.of(t, staff)).toList();
        audit.read(staff, AuditAction.CALL_LIST_VIEWED, AuditSubject.none(),
                "回拨任务：近" + days + "天" + (status == null || status.isBlank() ? "" : "，状态 " + status) + "；本页 " + found.size() + " 条");
        return new CallbackPage(found);
    }

    /** The full name of the region filter that {@link CallLogFilters#parse} accepted, or null for none. */
    private String regionName(String region) {
        return region == null || region.isBlank() ? null : regions.fullName(new RegionCode(region.strip()));
    }

    /** One state, several separated by commas, or {@code OPEN}: every state the PBX or a dispatcher still owes a call in. */
    private static java.util.Set<CallbackTask.Status> callbackStatuses(String raw) {
        java.util.Set<CallbackTask.Status> all = java.util.EnumSet.noneOf(CallbackTask.Status.class);
        for (String one : raw.split(",")) {
            if (one.strip().equals("OPEN")) {
                all.addAll(java.util.List.of(CallbackTask.Status.AFTER_CALL, CallbackTask.Status.PENDING,
                        CallbackTask.Status.DIALING, CallbackTask.Status.HANDED_OVER));
                continue;
            }
            try {
                all.add(CallbackTask.Status.valueOf(one.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "status.unknown", "不支持的回拨状态：" + one.strip());
            }
        }
        return all;
    }

    private static String phoneNumber(String raw) {
        try {
            return new PhoneNumber(raw).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("phone", "phone.malformed", "请填写正确的手机号码或带区号的固定电话");
        }
    }
}
