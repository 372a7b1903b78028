package org.law12348.portal.admin;

import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.audit.AuditAction;
import org.law12348.ticketing.audit.AuditQuery;
import org.law12348.ticketing.audit.AuditSearch;
import org.law12348.ticketing.audit.AuditSubject;
import org.law12348.ticketing.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.time.ZoneId;
import java.util.List;

/**
 * The administrators' audit page (the security chain admits ADMIN only): filter by who, which ticket,
 * what and when; newest first, one keyset page at a time. Looking at the trail is itself recorded.
 */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final AuditTrail audit;
    private final ZoneId zone;

    AuditPageController(AuditSearch search, AuditTrail audit, TicketingProperties properties) {
        this.search = search;
        this.audit = audit;
        this.zone = properties.zone();
    }

    @GetMapping("/admin/audit")
    String list(Principal admin, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String ticket, @RequestParam(required = false) String action,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("actor", actor);
        model.addAttribute("ticket", ticket);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", zone.getId());
        try {
            AuditQuery query = AuditQuery.parse(actor, ticket, action, from, to, zone);
            AuditSearch.Page page = search.find(query, cursor, PAGE_SIZE);
            audit.read(admin.getName(), AuditAction.AUDIT_SEARCHED, AuditSubject.ticket(query.ticketNumber()),
                    "admin-page: " + query.describe() + " rows=" + page.entries().size());
            model.addAttribute("entries", page.entries());
            model.addAttribute("nextLink", page.nextCursor() == null ? null
                    : UriComponentsBuilder.fromPath("/admin/audit").queryParamIfPresent("actor", present(actor))
                    .queryParamIfPresent("ticket", present(ticket)).queryParamIfPresent("action", present(action))
                    .queryParamIfPresent("from", present(from)).queryParamIfPresent("to", present(to))
                    .queryParam("cursor", page.nextCursor()).encode().build().toUriString());
        } catch (InvalidInputException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("error", e.violations().get(0).message());
        }
        return "admin/audit";
    }

    private static java.util.Optional<String> present(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }
}
