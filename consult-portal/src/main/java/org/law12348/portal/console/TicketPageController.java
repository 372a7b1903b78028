package org.law12348.portal.console;

import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketSearch;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.TicketStateException;
import org.law12348.ticketing.audit.AuditAction;
import org.law12348.ticketing.audit.AuditSubject;
import org.law12348.ticketing.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * One ticket in the console: its whole timeline, the citizen's other tickets, and the actions staff
 * take on it. Every action posts a form (with its CSRF token) and comes back to this page with the
 * outcome, or the reason it was refused, in Chinese.
 */
@Controller
@RequestMapping("/console/tickets/{number}")
class TicketPageController {

    private static final Logger log = LoggerFactory.getLogger(TicketPageController.class);

    private final TicketService service;
    private final TicketSearch search;
    private final HandlingUnits units;
    private final Regions regions;
    private final SignedInStaff consoleStaff;
    private final ConsoleFormat format;
    private final AuditTrail audit;
    private final Clock clock;

    TicketPageController(TicketService service, TicketSearch search, HandlingUnits units, Regions regions,
                         SignedInStaff consoleStaff, ConsoleFormat format, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.service = service;
        this.search = search;
        this.units = units;
        this.regions = regions;
        this.consoleStaff = consoleStaff;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable String number, Model model) {
        StaffMember staff = consoleStaff.require();
        Ticket ticket = service.view(checked(number), staff);
        model.addAttribute("staff", staff);
        model.addAttribute("dispatches", QueueController.dispatches(staff));
        model.addAttribute("ticket", ticket);
        model.addAttribute("contactPhone", staff.contactPhoneOf(ticket));
        model.addAttribute("contactIdNumber", staff.contactIdNumberOf(ticket));
        model.addAttribute("now", clock.instant());
        var others = search.otherTicketsOfCitizen(ticket, staff, 20);
        audit.read(staff, AuditAction.TICKET_VIEWED, AuditSubject.ticket(ticket.number())
                .withCitizen(ticket.contact().phone()), "console: " + AuditTrail.TICKET_DETAIL_FIELDS
                + "；该市民其他工单" + others.stream().map(Ticket::number).toList());
        model.addAttribute("others", others);
        model.addAttribute("unitNames", format.unitNames());
        model.addAttribute("units", units.findByActiveTrueOrderByRegionCodeAscCodeAsc());
        model.addAttribute("businessTypes", BusinessType.values());
        return "console/ticket";
    }

    @PostMapping("/reassign")
    String reassign(@PathVariable String number, String unitCode, String reason, RedirectAttributes flash) {
        return act(number, flash, "已转派", () -> service.reassign(checked(number), unitCode, reason, staff()));
    }

    @PostMapping("/reroute")
    String reroute(@PathVariable String number, String regionCode, String businessType, String reason,
                   RedirectAttributes flash) {
        return act(number, flash, "已按更正后的信息重新分派", () -> service.reroute(checked(number),
                blank(regionCode) ? null : regions.require(regionCode.strip(), "regionCode"),
                parseType(businessType), reason, staff()));
    }

    @PostMapping("/merge")
    String merge(@PathVariable String number, String target, String reason, RedirectAttributes flash) {
        return act(number, flash, "已合并到目标工单", () -> service.merge(checked(number), target, reason, staff()));
    }

    @PostMapping("/note")
    String note(@PathVariable String number, String text, RedirectAttributes flash) {
        return act(number, flash, "备注已添加", () -> service.addNote(checked(number), text, staff()));
    }

    @PostMapping("/answer")
    String answer(@PathVariable String number, String text, RedirectAttributes flash) {
        return act(number, flash, "答复已发送", () -> service.answer(checked(number), text, staff()));
    }

    @PostMapping("/close")
    String close(@PathVariable String number, String reason, RedirectAttributes flash) {
        return act(number, flash, "工单已办结", () -> service.close(checked(number), reason, staff()));
    }

    /**
     * Runs an action and comes back to the ticket. Refusals the staff member can fix (bad input, a
     * state that forbids it, a role that may not) are shown on the page; a ticket they may not see
     * stays a 404 (the advice renders it), so numbers can't be probed.
     */
    private String act(String number, RedirectAttributes flash, String done, Supplier<Ticket> action) {
        service.view(checked(number), staff());
        try {
            action.get();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        } catch (TicketStateException e) {
            flash.addFlashAttribute("error", e.chineseMessage());
        } catch (AccessDeniedException e) {
            log.info("Console action on {} refused: {}", number, e.getMessage());
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/tickets/" + number;
    }

    private StaffMember staff() {
        return consoleStaff.require();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static BusinessType parseType(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return BusinessType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("businessType", "businessType.unknown", "业务类型的取值无效");
        }
    }

    private static String checked(String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        return number;
    }
}
