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
    private final TicketRouting routing;
    private final int outsourcedDeadlineHours;
    private final Clock clock;

    TicketDeadlines(Tickets tickets, HandlingUnits units, TicketRouting routing, TicketingProperties properties,
                    Clock clock) {
        this.tickets = tickets;
        this.units = units;
        this.routing = routing;
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
     * Nobody in the volunteer pool answered in time: an outsourced unit takes over. The routing table's
     * hand-over decision names it and its deadline ({@link TicketRouting#handOverTarget}), as
     * administrators keep it; when the table in force has none, or names a unit that is no active
     * outsourced unit (since deactivated), the built-in rule chooses: the outsourced unit of the
     * ticket's city, else of its province, with {@code outsourcedDeadlineHours} to answer.
     */
    @Transactional
    public Optional<Instant> handOverToOutsourcedUnit(String number, String reason) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!isStillWaiting(ticket) || ticket.queue() != RoutingQueue.VOLUNTEER_POOL) {
            return Optional.empty();
        }
        RoutingQuery query = new RoutingQuery(ticket.region(), ticket.businessType(), ticket.kind(), ticket.channel());
        Optional<RouteDecision> decided = routing.handOverTarget(query);
        Optional<HandlingUnit> named = decided.flatMap(d -> units.findById(d.handlingUnit()))
                .filter(unit -> unit.active() && unit.type() == UnitType.OUTSOURCED);
        RouteDecision route;
        HandlingUnit unit;
        if (named.isPresent()) {
            unit = named.get();
            route = new RouteDecision(unit.code(), RoutingQueue.UNIT, decided.get().deadlineHours(), decided.get().ruleId());
        } else {
            decided.ifPresent(d -> log.warn("The routing table hands ticket {} over to {}, which is no active "
                    + "outsourced unit; the built-in rule chooses instead", number, d.handlingUnit()));
            unit = outsourcedUnitFor(ticket);
            route = new RouteDecision(unit.code(), RoutingQueue.UNIT, outsourcedDeadlineHours, "OUTSOURCED");
        }
        ticket.handOverTo(route, reason + "，转交" + unit.name(), clock.instant());
        log.info("Ticket {} handed over to outsourced unit {} ({})", number, unit.code(), route.ruleId());
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
