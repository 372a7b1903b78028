package org.law12348.ticketing;

import org.law12348.ticketing.internal.IntakeValidator;
import org.law12348.ticketing.internal.IntakeValidator.ValidIntake;
import jakarta.persistence.EntityManager;
import org.law12348.ticketing.internal.Outbox;
import org.law12348.ticketing.internal.TicketIdentities;
import org.law12348.ticketing.internal.TrackingTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one door every channel uses. Validates the intake record, asks the routing port where the
 * ticket goes, and stores the ticket, its first timeline entries and a {@code TicketCreated} outbox
 * event in a single transaction. The same (channel, channel reference) always answers the ticket
 * already created, also when retries race each other: the database's unique key decides.
 */
@Service
public class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Tickets tickets;
    private final TicketIdentities identities;
    private final EntityManager entityManager;
    private final HandlingUnits units;
    private final TicketRouting routing;
    private final Outbox outbox;
    private final TrackingTokens trackingTokens;
    private final IntakeValidator validator;
    private final TransactionTemplate transactions;
    private final TicketingProperties properties;
    private final Clock clock;

    TicketIntake(Tickets tickets, TicketIdentities identities, EntityManager entityManager, HandlingUnits units, TicketRouting routing, Outbox outbox,
                 TrackingTokens trackingTokens, Regions regions, TransactionTemplate transactions,
                 TicketingProperties properties, Clock clock) {
        this.tickets = tickets;
        this.identities = identities;
        this.entityManager = entityManager;
        this.units = units;
        this.routing = routing;
        this.outbox = outbox;
        this.trackingTokens = trackingTokens;
        this.validator = new IntakeValidator(regions, properties);
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes a submission in.
     *
     * @throws InvalidInputException naming every bad field; nothing is written then
     */
    public IntakeResult receive(IntakeRequest request) {
        ValidIntake intake = validator.validate(request);
        // drawn before the transaction: a block refill needs a connection of its own, and a thread
        // holding one while waiting for another starves the pool under load
        long id = identities.next();
        try {
            return transactions.execute(status -> store(intake, id));
        } catch (RuntimeException e) {
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            // the insert was refused and rolled back: the id was never used, the next ticket takes it
            identities.giveBack(id);
            // A retry of a submission already taken in (or racing it): the unique key on (channel,
            // channel reference) refused the second ticket; answer the first. No look-up before the
            // insert: retries are rare, and on PostgreSQL that look-up's cached plan, made while the
            // table was empty, read every ticket of the channel until the table was analysed.
            return alreadyTakenIn(intake).orElseThrow(() -> e);
        }
    }


    private IntakeResult store(ValidIntake intake, long id) {
        // the database keeps microseconds; the answer should show what is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RouteDecision route = routing.decide(
                new RoutingQuery(intake.region(), intake.businessType(), intake.kind(), intake.request().channel()));
        HandlingUnit unit = units.findActive(route.handlingUnit()).orElseThrow(() -> new IllegalStateException(
                "Routing rule " + route.ruleId() + " names unknown or inactive unit " + route.handlingUnit()));
        Ticket ticket = new Ticket(id, numberFor(id, now), intake.kind(), intake.request().channel(), intake.request().channelRef().strip(),
                intake.contact(), intake.region(), intake.businessType(), intake.subject(), intake.text(), route,
                RouteTexts.describe(route, unit), now);
        entityManager.persist(ticket);
        outbox.record(ticket.drainEvents());
        entityManager.flush();
        log.info("Ticket {} taken in from {}, routed to {} by rule {}", ticket.number(), ticket.channel(),
                unit.code(), route.ruleId());
        return result(ticket, unit, true);
    }

    private Optional<IntakeResult> alreadyTakenIn(ValidIntake intake) {
        return tickets.findByChannelAndChannelRef(intake.request().channel(), intake.request().channelRef().strip())
                .map(t -> result(t, units.findById(t.handlingUnit()).orElse(null), false));
    }

    private TicketNumber numberFor(long id, Instant now) {
        String day = LocalDate.ofInstant(now, properties.zone()).format(DAY);
        return new TicketNumber(properties.numberPrefix() + day + "-" + String.format("%06d", id));
    }

    private IntakeResult result(Ticket t, HandlingUnit unit, boolean created) {
        return new IntakeResult(t.number(), t.status(), t.handlingUnit(), unit == null ? t.handlingUnit() : unit.name(),
                t.queue(), t.dueAt(), trackingTokens.tokenFor(t.number()), created);
    }
}
