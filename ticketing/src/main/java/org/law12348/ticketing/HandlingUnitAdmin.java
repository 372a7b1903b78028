package org.law12348.ticketing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Administrators keep the handling units: create, edit, and deactivate one, sending its waiting
 * tickets (routed or in progress) to a successor unit, each with a timeline entry saying why.
 * Answered tickets stay where they are until they close.
 */
@Service
public class HandlingUnitAdmin {

    private static final List<TicketStatus> WAITING = List.of(TicketStatus.ROUTED, TicketStatus.IN_PROGRESS);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");

    private final HandlingUnits units;
    private final ActiveUnits activeUnits;
    private final Tickets tickets;
    private final Regions regions;
    private final TicketRouting routing;
    private final Clock clock;

    HandlingUnitAdmin(HandlingUnits units, ActiveUnits activeUnits, Tickets tickets, Regions regions,
                      TicketRouting routing, Clock clock) {
        this.units = units;
        this.activeUnits = activeUnits;
        this.tickets = tickets;
        this.regions = regions;
        this.routing = routing;
        this.clock = clock;
    }

    @Transactional
    public HandlingUnit create(String code, String name, String type, String regionCode,
                               HandlingUnit.Visiting visiting) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw new InvalidInputException("code", "unit.codeMalformed", "单位编码应为3到64位大写字母、数字或连字符");
        }
        if (units.existsById(c)) {
            throw new InvalidInputException("code", "unit.exists", "单位编码 " + c + " 已存在");
        }
        return units.save(new HandlingUnit(c, name(name), unitType(type), regions.require(blankSafe(regionCode),
                "regionCode"), checked(visiting)));
    }

    @Transactional
    public HandlingUnit edit(String code, String name, String type, String regionCode,
                             HandlingUnit.Visiting visiting) {
        HandlingUnit unit = units.findById(blankSafe(code)).orElseThrow(() ->
                new InvalidInputException("code", "unit.unknown", "承办单位不存在"));
        unit.edit(name(name), unitType(type), regions.require(blankSafe(regionCode), "regionCode"),
                checked(visiting));
        activeUnits.forgetAfterCommit();
        return unit;
    }

    /** Per unit code, how many tickets a deactivation would move to the successor (units with none are absent). */
    @Transactional(readOnly = true)
    public Map<String, Long> waitingTickets() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : tickets.countByUnitWithStatusIn(WAITING)) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Deactivates a unit and moves its waiting tickets to the successor; returns how many moved. */
    @Transactional
    public int deactivate(String code, String successorCode, String reason, String actor) {
        HandlingUnit unit = units.findActive(blankSafe(code)).orElseThrow(() ->
                new InvalidInputException("code", "unit.unknown", "承办单位不存在或已停用"));
        HandlingUnit successor = units.findActive(successorCode == null ? "" : successorCode.strip())
                .filter(s -> !s.code().equals(unit.code()))
                .orElseThrow(() -> new InvalidInputException("successor", "unit.successor",
                        "请选择另一个在用的承办单位接收未办结工单"));
        String why = TicketService.requireText("reason", reason, 2, 500);
        List<Ticket> waiting = tickets.findAll((root, query, cb) -> cb.and(
                cb.equal(root.get("handlingUnit"), unit.code()),
                root.get("status").in(WAITING)));
        for (Ticket found : waiting) {
            Ticket ticket = tickets.findForUpdate(found.number()).orElseThrow();
            int hours = routing.decide(new RoutingQuery(ticket.region(), ticket.businessType(), ticket.kind(),
                    ticket.channel())).deadlineHours();
            ticket.reassignTo(new RouteDecision(successor.code(), RoutingQueue.UNIT, hours, "UNIT-DEACTIVATED"),
                    unit.name() + "停用，转至" + successor.name() + "：" + why, actor, clock.instant());
        }
        unit.deactivate();
        activeUnits.forgetAfterCommit();
        return waiting.size();
    }

    private static String blankSafe(String value) {
        return value == null ? "" : value.strip();
    }

    private static String name(String name) {
        return TicketService.requireText("name", name, 2, 100);
    }

    /** The phone, address and hours as stored: trimmed, blank as null, each checked. */
    private static HandlingUnit.Visiting checked(HandlingUnit.Visiting visiting) {
        HandlingUnit.Visiting v = visiting == null ? new HandlingUnit.Visiting(null, null, null) : visiting;
        return new HandlingUnit.Visiting(phone(v.phone()), optionalText("address", v.address(), 200),
                optionalText("openingHours", v.openingHours(), 100));
    }

    private static String optionalText(String field, String value, int max) {
        String v = blankSafe(value);
        return v.isEmpty() ? null : TicketService.requireText(field, v, 2, max);
    }

    private static String phone(String phone) {
        String p = blankSafe(phone);
        if (!p.isEmpty() && !p.matches("[0-9-]{3,20}")) {
            throw new InvalidInputException("phone", "unit.phoneMalformed", "联系电话只能包含数字和连字符");
        }
        return p.isEmpty() ? null : p;
    }

    private static UnitType unitType(String type) {
        try {
            return UnitType.valueOf(blankSafe(type));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "unit.typeUnknown", "请选择单位类型");
        }
    }
}
