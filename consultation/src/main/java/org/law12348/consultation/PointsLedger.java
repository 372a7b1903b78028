package org.law12348.consultation;

import jakarta.persistence.EntityManager;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketEvent;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.UniqueViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/**
 * Credits consultants' points when an answer becomes final: the ticket closes (the citizen accepted,
 * or the quiet period passed) or a quality review upholds it. Each (answer, reason) is credited at
 * most once — the database's unique key decides, so replays and races are harmless — and a rejected
 * review reverses what the answer earned.
 */
@Service
public class PointsLedger {

    private static final Logger log = LoggerFactory.getLogger(PointsLedger.class);

    private final Tickets tickets;
    private final ConsultationAnswers answers;
    private final PointsEntries entries;
    private final ConsultationProperties properties;
    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PointsLedger(Tickets tickets, ConsultationAnswers answers, PointsEntries entries, ConsultationProperties properties,
                 EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock) {
        this.tickets = tickets;
        this.answers = answers;
        this.entries = entries;
        this.properties = properties;
        this.entityManager = entityManager;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @EventListener
    void on(TicketEvent.TicketClosed closed) {
        finalizeTicket(closed.ticketNumber());
    }

    @EventListener
    void on(TicketEvent.TicketRated rated) {
        Ticket ticket = tickets.findByNumber(rated.ticketNumber()).orElse(null);
        if (ticket != null && ticket.status() == TicketStatus.CLOSED) {
            finalizeTicket(ticket.number());
        }
    }

    /** Credits everything the ticket's answers have earned so far; returns how many lines were added. */
    public int finalizeTicket(String number) {
        Ticket ticket = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
        List<ConsultationAnswer> given = answers.findByTicketNumberOrderByIdAsc(number);
        int credited = 0;
        for (ConsultationAnswer answer : given) {
            if (answer.reviewStatus() == ReviewStatus.REJECTED || answer.reviewStatus() == ReviewStatus.FLAGGED) {
                continue;
            }
            credited += credit(answer, PointsReason.ANSWER, properties.answerPoints(), ticket);
            if (answer == given.get(0)) {
                credited += bonuses(answer, ticket);
            }
        }
        return credited;
    }

    /** A review upheld the answer: what it earned is final now. */
    public int reviewUpheld(ConsultationAnswer answer) {
        Ticket ticket = tickets.findByNumber(answer.ticketNumber()).orElseThrow();
        return credit(answer, PointsReason.ANSWER, properties.answerPoints(), ticket);
    }

    /** A review rejected the answer: everything it earned is taken back, once. */
    public int reviewRejected(ConsultationAnswer answer) {
        int earned = entries.forAnswer(answer.id()).stream()
                .filter(e -> e.reason() != PointsReason.REVIEW_REVERSAL).mapToInt(PointsEntry::points).sum();
        if (earned <= 0) {
            return 0;
        }
        Ticket ticket = tickets.findByNumber(answer.ticketNumber()).orElseThrow();
        return credit(answer, PointsReason.REVIEW_REVERSAL, -earned, ticket);
    }

    private int bonuses(ConsultationAnswer first, Ticket ticket) {
        int credited = 0;
        if (!first.answeredAt().isAfter(ticket.createdAt().plus(properties.fastAnswerWindow()))) {
            credited += credit(first, PointsReason.FAST_ANSWER_BONUS, properties.fastAnswerBonus(), ticket);
        }
        if (ticket.satisfaction() != null && ticket.satisfaction() >= 4) {
            credited += credit(first, PointsReason.HIGH_RATING_BONUS, properties.highRatingBonus(), ticket);
        }
        if (ticket.answerAccepted()) {
            credited += credit(first, PointsReason.ACCEPTED_BONUS, properties.acceptedBonus(), ticket);
        }
        return credited;
    }

    /** Adds one ledger line in its own transaction; a line already there (unique key) is not an error. */
    private int credit(ConsultationAnswer answer, PointsReason reason, int points, Ticket ticket) {
        try {
            Boolean added = ownTransaction.execute(status -> {
                boolean exists = !entityManager.createQuery(
                                "select p.id from PointsEntry p where p.answerId = :answer and p.reason = :reason")
                        .setParameter("answer", answer.id()).setParameter("reason", reason)
                        .getResultList().isEmpty();
                if (exists) {
                    return false;
                }
                entityManager.persist(new PointsEntry(answer, reason, points, ticket.region().value(),
                        clock.instant()));
                entityManager.flush();
                return true;
            });
            if (Boolean.TRUE.equals(added)) {
                log.info("Credited {} points to {} for {} on ticket {}", points, answer.consultant(), reason,
                        answer.ticketNumber());
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                return 0;
            }
            throw e;
        }
    }

}
