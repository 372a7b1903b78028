package org.law12348.consultation;

import org.law12348.personaldata.privacy.LogMasking;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketStateException;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.Tickets;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions a consultant has answered, and answers to reuse elsewhere: the knowledge base turns
 * one into a draft FAQ, and shows the ones most like a new question beside it. An answer is reusable
 * once it went back to the citizen (the ticket is answered or closed) and review has not rejected it.
 */
@Service
public class AnsweredQuestions {

    /** One answered question as its consultant sees it in their list. */
    public record AnsweredQuestion(String ticketNumber, String subject, TicketStatus status, Instant answeredAt,
                                   ReviewStatus review) {
    }

    /**
     * An answer with the question it answered; the question's phone, identity and account numbers are
     * masked, because it is meant to become text others read.
     */
    public record ReusableAnswer(String ticketNumber, String question, String answer, List<String> citedArticles,
                                 LegalCategory category) {
    }

    private static final int MAX_LISTED = 200;
    /** An answer went back to the citizen: the question is answered, or closed after it. */
    private static final Set<TicketStatus> RESOLVED = EnumSet.of(TicketStatus.ANSWERED, TicketStatus.CLOSED);

    private final Tickets tickets;
    private final ConsultationAnswers answers;

    AnsweredQuestions(Tickets tickets, ConsultationAnswers answers) {
        this.tickets = tickets;
        this.answers = answers;
    }

    /** This consultant's answered questions, newest answer first, one line per ticket. */
    @Transactional(readOnly = true)
    public List<AnsweredQuestion> of(String consultant, int limit) {
        Set<String> seen = new LinkedHashSet<>();
        List<AnsweredQuestion> listed = new ArrayList<>();
        // one query with the tickets: the page shows this on every visit
        for (Object[] row : answers.newestOfConsultantWithTickets(consultant, Limit.of(MAX_LISTED))) {
            if (listed.size() >= Math.min(limit, MAX_LISTED)) {
                break;
            }
            ConsultationAnswer answer = (ConsultationAnswer) row[0];
            Ticket ticket = (Ticket) row[1];
            if (seen.add(ticket.number())) {
                // consultants see contact numbers masked, so also those typed into the subject
                listed.add(new AnsweredQuestion(ticket.number(), LogMasking.mask(ticket.subject()), ticket.status(),
                        answer.answeredAt(), answer.reviewStatus()));
            }
        }
        return listed;
    }

    /**
     * The newest reusable answers of all consultants, one per ticket, newest first: what a consultant
     * answering a new question may learn from. Anonymised tickets and rejected answers are left out.
     */
    @Transactional(readOnly = true)
    public List<ReusableAnswer> newestReusable(int limit) {
        Set<String> seen = new LinkedHashSet<>();
        List<ReusableAnswer> newest = new ArrayList<>();
        // a ticket with follow-ups has several answers; ask for a few more rows than tickets wanted
        for (Object[] row : answers.newestWithTickets(RESOLVED, Limit.of(limit + limit / 2))) {
            ConsultationAnswer answer = (ConsultationAnswer) row[0];
            Ticket ticket = (Ticket) row[1];
            if (newest.size() < limit && seen.add(ticket.number())) {
                newest.add(reusable(ticket, answer));
            }
        }
        return newest;
    }

    /**
     * The latest answer on a ticket that {@code staff} may reuse: a consultant only their own, an
     * administrator anyone's. Others, and consultants who did not answer it, are told it does not exist.
     */
    @Transactional(readOnly = true)
    public ReusableAnswer reusable(String number, StaffMember staff) {
        Ticket ticket = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
        boolean admin = staff.role() == StaffRole.ADMIN;
        if (!admin && staff.role() != StaffRole.CONSULTANT) {
            throw new TicketNotFoundException(number);
        }
        List<ConsultationAnswer> usable = answers.findByTicketNumberOrderByIdAsc(number).stream()
                .filter(a -> admin || a.consultant().equals(staff.username()))
                .toList();
        if (usable.isEmpty() && !admin) {
            throw new TicketNotFoundException(number);
        }
        if (usable.isEmpty()) {
            throw new AnswerNotReusableException(number, "该工单没有咨询专家的答复，不能转为知识库文章");
        }
        if (!RESOLVED.contains(ticket.status())) {
            throw new TicketStateException(number, ticket.status(), "转为知识库文章");
        }
        ConsultationAnswer latest = usable.get(usable.size() - 1);
        if (latest.reviewStatus() == ReviewStatus.REJECTED) {
            throw new AnswerNotReusableException(number, "该问题的答复复核未通过，不能转为知识库文章");
        }
        return reusable(ticket, latest);
    }

    private static ReusableAnswer reusable(Ticket ticket, ConsultationAnswer answer) {
        return new ReusableAnswer(ticket.number(), LogMasking.mask(ticket.text()), answer.text(),
                answer.citedArticles(), LegalCategory.guess(ticket.text()));
    }
}
