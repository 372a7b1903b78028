package org.law12348.telephony.internal.web;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.desk.AgentDesk;
import org.law12348.telephony.internal.desk.DeskState;
import org.law12348.telephony.internal.desk.PauseReason;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.internal.web.CallViews.CallView;
import org.law12348.telephony.internal.web.CallerCards.CallerCard;
import org.law12348.telephony.internal.web.DeskViews.DeskView;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The duty lawyer's phone desk: state (join, pause with a reason, leave), the live caller card and
 * today's calls. A change the PBX could not take is stored and answered 202 with the reason.
 */
@RestController
class DeskController {

    record StateBody(String state, String reason) {
    }

    record CallsToday(List<CallView> items) {
    }

    private final StaffGate gate;
    private final PhoneDesks desks;
    private final DeskViews views;
    private final DeskPushes pushes;
    private final CallerCards cards;
    private final CallLog calls;
    private final CallRecords records;
    private final CallViews callViews;
    private final AuditTrail audit;
    private final TelephonyProperties properties;
    private final Clock clock;

    DeskController(StaffGate gate, PhoneDesks desks, DeskViews views, DeskPushes pushes, CallerCards cards,
                   CallLog calls, CallRecords records, CallViews callViews, AuditTrail audit,
                   TelephonyProperties properties, Clock clock) {
        this.gate = gate;
        this.desks = desks;
        this.views = views;
        this.pushes = pushes;
        this.cards = cards;
        this.calls = calls;
        this.records = records;
        this.callViews = callViews;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/staff/desk")
    DeskView desk() {
        StaffMember staff = gate.require("使用热线坐席");
        return views.of(deskOf(staff), desks.pbxConnected());
    }

    @PutMapping("/api/v1/staff/desk/state")
    ResponseEntity<DeskView> state(@RequestBody(required = false) StateBody body) {
        StaffMember staff = gate.require("使用热线坐席");
        deskOf(staff);
        DeskState state = chosenState(body == null ? null : body.state());
        PauseReason reason = state == DeskState.PAUSED ? reason(body.reason()) : null;
        PhoneDesks.Outcome outcome = desks.choose(staff.username(), state, reason);
        DeskView view = views.of(outcome.desk(), outcome.applied());
        return ResponseEntity.status(outcome.applied() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(view);
    }

    /** The card of the call the desk is on (or wrapping up), so a reload shows it again; 204 when none. */
    @GetMapping("/api/v1/staff/desk/call")
    ResponseEntity<CallerCard> currentCall() {
        StaffMember staff = gate.require("使用热线坐席");
        AgentDesk desk = deskOf(staff);
        if (desk.currentCallId() == null) {
            return ResponseEntity.noContent().build();
        }
        return calls.find(desk.currentCallId()).map(c -> ResponseEntity.ok(cards.of(c, staff)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Calls the queue connected to this person today (China time), newest first. */
    @GetMapping("/api/v1/staff/desk/calls")
    CallsToday callsToday() {
        StaffMember staff = gate.require("使用热线坐席");
        deskOf(staff);
        var since = LocalDate.now(clock.withZone(properties.hours().zone())).atStartOfDay(properties.hours().zone())
                .toInstant();
        List<CallView> found = records.findByAgentAndStartedAtGreaterThanEqualOrderByStartedAtDesc(staff.username(),
                since, PageRequest.of(0, 200)).stream().map(c -> callViews.of(c, staff)).toList();
        audit.read(staff, AuditAction.CALL_LIST_VIEWED, AuditSubject.none(),
                "本人今日通话" + found.size() + "通");
        return new CallsToday(found);
    }

    @GetMapping(path = "/api/v1/staff/desk/events", produces = "text/event-stream")
    SseEmitter events() {
        StaffMember staff = gate.require("使用热线坐席");
        deskOf(staff);
        return pushes.subscribe(staff);
    }

    private AgentDesk deskOf(StaffMember staff) {
        return desks.of(staff.username()).orElseThrow(() -> new DeskNotFoundException(staff.username()));
    }

    private static DeskState chosenState(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("state", "field.required", "请选择坐席状态");
        }
        try {
            DeskState state = DeskState.valueOf(raw.strip());
            if (state.chosenByPerson()) {
                return state;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw new InvalidInputException("state", "state.unknown", "坐席状态只能是上线（READY）、暂停（PAUSED）或下线（OFFLINE）");
    }

    private static PauseReason reason(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("reason", "field.required", "暂停时请选择原因");
        }
        try {
            return PauseReason.valueOf(raw.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("reason", "reason.unknown", "不支持的暂停原因：" + raw.strip());
        }
    }
}
