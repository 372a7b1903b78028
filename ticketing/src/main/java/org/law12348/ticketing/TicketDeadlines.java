package org.law12348.ticketing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.List;

/**
 * What happens when a deadline passes; called by the workflow's timers. Each method is idempotent
 * and does nothing for a ticket that has moved on (answered, closed), so a late or repeated timer
 * is harmless.
 */
@Service
public class TicketDeadlines {

    private static final Logger log = LoggerFactory.getLogger(TicketDeadlines.class);

    private final Tickets tickets;
    private final HandlingUnits units;
    private final int outsourcedDeadlineHours;
    private final Clock clock;

    TicketDeadlines(Tickets tickets, HandlingUnits units, TicketingProperties properties, Clock clock) {
        this.tickets = tickets;
        this.units = units;
        this.outsourcedDeadlineHours = properties.outsourcedDeadlineHours();
        this.clock = clock;
    }

    /** The handling unit is late: flag the ticket for dispatchers. Returns whether it escalated. */
    @Transactional
    public boolean escalateIfUnanswered(String number, String reason) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!isStillWaiting(ticket)) {
            return false;
        }
        ticket.escalate(reason, clock.instant());
        log.info("Ticket {} escalated to dispatchers: {}", number, reason);
        return true;
    }

    /**
     * Nobody in the volunteer pool answered in time: the outsourced unit of the ticket's city (or the
     * province's when the city has none) takes over, with {@code outsourcedDeadlineHours} to answer. The
     * unit is chosen here, by unit type and region, not by the routing decision table.
     */
    @Transactional
    public Optional<Instant> handOverToOutsourcedUnit(String number, String reason) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!isStillWaiting(ticket) || ticket.queue() != RoutingQueue.VOLUNTEER_POOL) {
            return Optional.empty();
        }
        HandlingUnit unit = outsourcedUnitFor(ticket);
        ticket.handOverTo(new RouteDecision(unit.code(), RoutingQueue.UNIT, outsourcedDeadlineHours, "OUTSOURCED"),
                reason + "，转交" + unit.name(), clock.instant());
        log.info("Ticket {} handed over to outsourced unit {}", number, unit.code());
        return Optional.of(ticket.dueAt());
    }

    /** The citizen said nothing more for the quiet period after the answer: the ticket closes. */
    @Transactional
    public boolean closeAfterQuietPeriod(String number) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (ticket.status() != TicketStatus.ANSWERED) {
            return false;
        }
        ticket.close(Ticket.SYSTEM, "答复后未收到进一步反馈，自动办结", clock.instant());
        return true;
    }

    /**
     * The outsourced unit of the ticket's city, else of its province; a ticket from outside the
     * served province (routed to the provincial centre) goes to the centre's province's unit.
     */
    private HandlingUnit outsourcedUnitFor(Ticket ticket) {
        RegionCode home = units.findById(ticket.handlingUnit()).map(HandlingUnit::region).orElse(ticket.region());
        for (RegionCode scope : List.of(ticket.region().city(), ticket.region().province(), home.city(),
                home.province())) {
            List<HandlingUnit> found = units.findByTypeAndRegionCodeAndActiveTrue(UnitType.OUTSOURCED, scope.value());
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new IllegalStateException("No outsourced service unit for region " + ticket.region());
    }

    private static boolean isStillWaiting(Ticket ticket) {
        return ticket.status() == TicketStatus.ROUTED || ticket.status() == TicketStatus.IN_PROGRESS;
    }
}
