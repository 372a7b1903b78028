package org.law12348.portal.citizen;

import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketLookup;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.TrackingTokenCheck;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Renders a citizen's ticket page; anyone without the ticket's tracking token sees "not found". */
@Component
class CitizenTicketPage {

    private final TicketLookup tickets;
    private final TrackingTokenCheck tokens;
    private final Regions regions;
    private final HandlingUnits units;

    CitizenTicketPage(TicketLookup tickets, TrackingTokenCheck tokens, Regions regions, HandlingUnits units) {
        this.tickets = tickets;
        this.tokens = tokens;
        this.regions = regions;
        this.units = units;
    }

    /** Whether the token opens the ticket (well-formed number, right token, not expired). */
    boolean opens(String number, String token) {
        return TicketNumber.isWellFormed(number) && tokens.matches(number, token);
    }

    void requireOwner(String number, String token) {
        if (!opens(number, token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "工单不存在或查询凭证不正确");
        }
    }

    @Transactional(readOnly = true)
    String render(String number, String token, Model model) {
        requireOwner(number, token);
        Ticket ticket = tickets.findWithTimeline(number).orElseThrow(() -> new TicketNotFoundException(number));
        model.addAttribute("ticket", ticket);
        model.addAttribute("token", token);
        model.addAttribute("regionName", regions.fullName(ticket.region()));
        model.addAttribute("unitName", units.findById(ticket.handlingUnit()).map(HandlingUnit::name)
                .orElse(ticket.handlingUnit()));
        model.addAttribute("timeline", ticket.timeline().stream().filter(TimelineEntry::visibleToCitizen).toList());
        model.addAttribute("answered", ticket.status() == TicketStatus.ANSWERED);
        model.addAttribute("canRate", ticket.firstAnsweredAt() != null);
        return "citizen/ticket";
    }
}
