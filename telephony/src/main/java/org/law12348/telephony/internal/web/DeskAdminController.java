package org.law12348.telephony.internal.web;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.desk.AgentDesk;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.internal.web.DeskViews.DeskView;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Administrators give a handler, dispatcher or administrator a phone desk (interface and queues),
 * change it or take it away; the list shows everyone who may have one.
 */
@RestController
class DeskAdminController {

    record DeskBody(String memberInterface, List<String> queues) {
    }

    /** A staff member who may take calls, with their desk ({@code null}: none yet). */
    record StaffDesk(String username, String displayName, String role, String unitCode, DeskView desk) {
    }

    /** Everyone who may take calls, and the queues a desk can serve (the IVR menu's, with Chinese names). */
    record StaffDesks(List<StaffDesk> items, List<QueueNames.QueueName> queues, boolean pbxConnected) {
    }

    private static final Set<StaffRole> DESK_ROLES = Set.of(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN);

    private final StaffGate gate;
    private final StaffAccounts accounts;
    private final PhoneDesks desks;
    private final DeskViews views;
    private final AuditTrail audit;
    private final TelephonyProperties properties;
    private final QueueNames queueNames;

    DeskAdminController(StaffGate gate, StaffAccounts accounts, PhoneDesks desks, DeskViews views, AuditTrail audit,
                        TelephonyProperties properties, QueueNames queueNames) {
        this.queueNames = queueNames;
        this.gate = gate;
        this.accounts = accounts;
        this.desks = desks;
        this.views = views;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/api/v1/staff/desks")
    StaffDesks list() {
        gate.requireAdmin("查看热线坐席");
        boolean connected = desks.pbxConnected();
        Map<String, AgentDesk> byUser = desks.all().stream()
                .collect(Collectors.toMap(AgentDesk::username, Function.identity()));
        List<StaffDesk> items = accounts.findByEnabledTrueAndRoleInOrderByUsername(DESK_ROLES).stream()
                .map(a -> new StaffDesk(a.username(), a.displayName(), a.role().name(), a.unitCode(),
                        byUser.containsKey(a.username()) ? views.of(byUser.get(a.username()), connected) : null))
                .toList();
        return new StaffDesks(items, queueNames.menuQueues(), connected);
    }

    /**
     * Takes the desk away: out of every queue (QueueRemove) and deleted. While its person is in the
     * queues and the PBX cannot be reached it stays, 409 {@code desk.pbxDown}: nothing would take the
     * memberships away later.
     */
    @DeleteMapping("/api/v1/staff/desks/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable String username) {
        StaffMember admin = gate.requireAdmin("清除热线坐席");
        PhoneDesks.Cleared cleared = desks.clear(username);
        if (cleared == PhoneDesks.Cleared.NO_DESK) {
            throw new DeskNotFoundException(username, false);
        }
        if (cleared == PhoneDesks.Cleared.KEPT) {
            throw new DeskPbxDownException();
        }
        audit.change(admin, AuditAction.DESK_ASSIGNED, AuditSubject.none(), "清除 " + username + " 的坐席");
    }

    @PutMapping("/api/v1/staff/desks/{username}")
    DeskView assign(@PathVariable String username, @RequestBody(required = false) DeskBody body) {
        StaffMember admin = gate.requireAdmin("设置热线坐席");
        StaffAccount account = accounts.findById(username).filter(a -> DESK_ROLES.contains(a.role()))
                .orElseThrow(() -> new InvalidInputException("username", "desk.staffUnknown",
                        "只有承办人、调度员和管理员可以设置热线坐席：" + username));
        String iface = body == null || body.memberInterface() == null ? "" : body.memberInterface().strip();
        if (!iface.matches(properties.desk().interfacePattern())) {
            throw new InvalidInputException("memberInterface", "memberInterface.invalid",
                    "坐席分机接口格式不正确，例如 PJSIP/1001");
        }
        List<String> queues = queues(body.queues());
        if (desks.holderOf(iface).filter(other -> !other.equals(username)).isPresent()) {
            throw new InvalidInputException("memberInterface", "memberInterface.taken", "该分机接口已被其他工作人员使用");
        }
        PhoneDesks.Outcome outcome = desks.assign(account.username(), iface, queues);
        audit.change(admin, AuditAction.DESK_ASSIGNED, AuditSubject.none(),
                "为 " + username + " 设置坐席：分机 " + iface + "，接听队列 "
                        + String.join("、", queues.stream().map(queueNames::nameOf).toList()));
        return views.of(outcome.desk(), desks.pbxConnected());
    }

    private List<String> queues(List<String> raw) {
        Set<String> known = properties.ivr().menu().values().stream().map(TelephonyProperties.MenuEntry::queue)
                .collect(Collectors.toSet());
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("queues", "field.required", "请至少选择一个队列");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String q : raw) {
            String name = q == null ? "" : q.strip();
            if (!known.contains(name)) {
                throw new InvalidInputException("queues", "queues.unknown", "没有这个队列：" + name);
            }
            chosen.add(name);
        }
        return List.copyOf(chosen);
    }
}
