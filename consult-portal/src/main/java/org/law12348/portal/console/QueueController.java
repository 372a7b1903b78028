package org.law12348.portal.console;

import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.DeadlineState;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.TicketPage;
import org.law12348.ticketing.TicketSearch;
import org.law12348.ticketing.audit.AuditAction;
import org.law12348.ticketing.audit.AuditSubject;
import org.law12348.ticketing.audit.AuditTrail;
import org.law12348.ticketing.TicketStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's queue page: filtered, ordered by deadline, one keyset page at a time. */
@Controller
class QueueController {

    static final int PAGE_SIZE = 50;

    private final TicketSearch search;
    private final HandlingUnits units;
    private final Regions regions;
    private final SignedInStaff consoleStaff;
    private final ConsoleFormat format;
    private final AuditTrail audit;
    private final Clock clock;

    QueueController(TicketSearch search, HandlingUnits units, Regions regions, SignedInStaff consoleStaff,
                    ConsoleFormat format, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.search = search;
        this.units = units;
        this.regions = regions;
        this.consoleStaff = consoleStaff;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping("/console")
    String queue(@ModelAttribute("filter") QueueFilterForm filter, String cursor, Model model) {
        StaffMember staff = consoleStaff.require();
        model.addAttribute("staff", staff);
        model.addAttribute("now", clock.instant());
        model.addAttribute("counts", badgeCounts(staff));
        model.addAttribute("unitNames", format.unitNames());
        model.addAttribute("units", units.findByActiveTrueOrderByRegionCodeAscCodeAsc());
        model.addAttribute("businessTypes", BusinessType.values());
        model.addAttribute("kinds", TicketKind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("deadlineStates", DeadlineState.values());
        try {
            var query = filter.toFilter(regions, staff);
            TicketPage page = search.find(query, cursor, PAGE_SIZE, staff);
            audit.read(staff, AuditAction.TICKET_LIST_VIEWED, AuditSubject.none(), "console: 工单标题 " + query
                    + (cursor == null || cursor.isBlank() ? "" : " cursor") + " rows=" + page.tickets().size());
            model.addAttribute("tickets", page.tickets());
            model.addAttribute("nextLink", page.nextCursor() == null ? null : filter.query(page.nextCursor()));
            model.addAttribute("firstLink", cursor == null || cursor.isBlank() ? null : filter.query(null));
        } catch (InvalidInputException e) {
            model.addAttribute("tickets", java.util.List.of());
            model.addAttribute("error", e.violations().get(0).message());
        }
        return "console/queue";
    }

    /** The badge numbers, for the live updates to refresh without reloading the page. */
    @GetMapping(value = "/console/counts", produces = "application/json")
    @ResponseBody
    Map<String, Long> counts() {
        return badgeCounts(consoleStaff.require());
    }

    private Map<String, Long> badgeCounts(StaffMember staff) {
        Map<String, Long> counts = new LinkedHashMap<>();
        search.countByDeadlineState(staff).forEach((state, n) -> counts.put(state.name(), n));
        return counts;
    }

    static boolean dispatches(StaffMember staff) {
        return staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN);
    }
}
