package org.law12348.ticketing;

import org.law12348.ticketing.internal.IntakeValidator;
import org.law12348.ticketing.internal.IntakeValidator.ValidIntake;
import jakarta.persistence.EntityManager;
import org.law12348.ticketing.internal.SubmissionKeys;
import org.law12348.ticketing.internal.Submissions;
import org.law12348.ticketing.internal.TicketIdentities;
import org.law12348.ticketing.internal.TrackingTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
 * event in a single transaction.
 * <p>
 * Idempotency: a (channel, channel reference) is claimed in the submission ledger together with the
 * fingerprint of its request ({@link SubmissionKeys}). The same reference with the same request
 * answers the ticket already created, also when retries race each other (the ledger's key decides);
 * the same reference with another request is refused ({@link SubmissionConflictException}), so a
 * replayed key never hands out someone else's ticket. References are stored and compared only as
 * keyed hashes and never logged.
 */
@Service
public class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Tickets tickets;
    private final TicketIdentities identities;
    private final EntityManager entityManager;
    private final HandlingUnits units;
    private final ActiveUnits activeUnits;
    private final TicketRouting routing;
    private final TrackingTokens trackingTokens;
    private final SubmissionKeys keys;
    private final Submissions submissions;
    private final IntakeValidator validator;
    private final TransactionTemplate transactions;
    private final TicketingProperties properties;
    private final Clock clock;

    TicketIntake(Tickets tickets, TicketIdentities identities, EntityManager entityManager, HandlingUnits units,
                 ActiveUnits activeUnits, TicketRouting routing, TrackingTokens trackingTokens, SubmissionKeys keys,
                 Submissions submissions, Regions regions, TransactionTemplate transactions,
                 TicketingProperties properties, Clock clock) {
        this.tickets = tickets;
        this.identities = identities;
        this.entityManager = entityManager;
        this.units = units;
        this.activeUnits = activeUnits;
        this.routing = routing;
        this.trackingTokens = trackingTokens;
        this.keys = keys;
        this.submissions = submissions;
        this.validator = new IntakeValidator(regions, properties, clock);
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes a submission in, or answers the ticket it made before.
     *
     * @throws InvalidInputException       naming every bad field; nothing is written then
     * @throws SubmissionConflictException the channel reference was taken in with another request
     *                                     (its field is {@code channelRef}; channels name their own)
     */
    public IntakeResult receive(IntakeRequest request) {
        ValidIntake intake = validator.validate(request);
        String reference = keys.reference(request.channel(), request.channelRef());
        String fingerprint = keys.fingerprint(intake);
        // drawn before the transaction: a block refill needs a connection of its own, and a thread
        // holding one while waiting for another starves the pool under load
        long id = identities.next();
        try {
            return transactions.execute(status -> store(intake, reference, fingerprint, id));
        } catch (DuplicateKeyException claimedBefore) {
            // the claim was refused and rolled back: the id was never used, the next ticket takes it
            identities.giveBack(id);
            // A retry of a submission already taken in (or racing it): the ledger refused the second
            // claim. No look-up before the claim: retries are rare, and on PostgreSQL a look-up's
            // cached plan, made while the table was empty, scanned the table until it was analysed.
            return earlier(reference, fingerprint).orElseThrow(() -> claimedBefore);
        }
    }

    /**
     * What {@link #receive} would answer for a submission taken in before, without taking anything in:
     * empty when the channel reference is new. For channels that do costly checks (a platform's
     * content check) only for new submissions.
     *
     * @throws InvalidInputException       as {@link #receive} does
     * @throws SubmissionConflictException as {@link #receive} does
     */
    public Optional<IntakeResult> replayOf(IntakeRequest request) {
        ValidIntake intake = validator.validate(request);
        return earlier(keys.reference(request.channel(), request.channelRef()), keys.fingerprint(intake));
    }

    /**
     * The form in which a channel's submission id is stored ({@link Ticket#channelRef()}): a keyed hash,
     * stable for the same channel and id, for channels that name things after the submission.
     */
    public String referenceOf(Channel channel, String channelRef) {
        return keys.reference(channel, channelRef);
    }

    private IntakeResult store(ValidIntake intake, String reference, String fingerprint, long id) {
        submissions.claim(reference, fingerprint, id);
        // the database keeps microseconds; the answer should show what is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RouteDecision route = routing.decide(
                new RoutingQuery(intake.region(), intake.businessType(), intake.kind(), intake.request().channel()));
        HandlingUnit unit = activeUnits.find(route.handlingUnit()).orElseThrow(() -> new IllegalStateException(
                "Routing rule " + route.ruleId() + " names unknown or inactive unit " + route.handlingUnit()));
        Ticket ticket = new Ticket(id, numberFor(id, now), intake.kind(), intake.request().channel(), reference,
                intake.contact(), intake.region(), intake.businessType(), intake.subject(), intake.text(), route,
                RouteTexts.describe(route, unit), now);
        if (intake.request().consentId() != null) {
            ticket.submittedUnder(intake.request().consentId());
        }
        if (intake.triggerDate() != null) {
            ticket.citizenGaveTriggerDate(intake.triggerDate());
        }
        // written at commit, in one flush with the outbox entry its events add then
        entityManager.persist(ticket);
        log.info("Ticket {} taken in from {}, routed to {} by rule {}", ticket.number(), ticket.channel(),
                unit.code(), route.ruleId());
        return result(ticket, unit, true);
    }

    private Optional<IntakeResult> earlier(String reference, String fingerprint) {
        Optional<Submissions.Taken> taken = submissions.find(reference);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        if (!taken.get().sameRequest(fingerprint)) {
            log.info("A channel reference was presented again with a different request; refused");
            throw new SubmissionConflictException("channelRef");
        }
        Ticket ticket = tickets.findById(taken.get().ticketId()).orElseThrow(() -> new IllegalStateException(
                "Submission ledger names ticket id " + taken.get().ticketId() + ", which does not exist"));
        log.info("Ticket {} answered again to a retried submission", ticket.number());
        return Optional.of(result(ticket, units.findById(ticket.handlingUnit()).orElse(null), false));
    }

    private TicketNumber numberFor(long id, Instant now) {
        String day = LocalDate.ofInstant(now, properties.zone()).format(DAY);
        String digits = Long.toString(id);
        // zero-padded to six digits by hand: String.format was a twentieth of storing a ticket
        return new TicketNumber(properties.numberPrefix() + day + "-" + "0".repeat(Math.max(0, 6 - digits.length()))
                + digits);
    }

    private IntakeResult result(Ticket t, HandlingUnit unit, boolean created) {
        return new IntakeResult(t.number(), t.status(), t.handlingUnit(), unit == null ? t.handlingUnit() : unit.name(),
                t.queue(), t.dueAt(), trackingTokens.tokenFor(t.number()), created);
    }
}
