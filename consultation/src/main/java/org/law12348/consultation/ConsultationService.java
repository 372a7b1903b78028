package org.law12348.consultation;

import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TextRules;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.Tickets;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The volunteer pool: certified consultants see the questions in their fields and region, claim one
 * (exclusively — the ticket row is locked while the claim is decided), answer it or let it go. The
 * rule "only certified consultants in matching fields may answer" is enforced here, not in pages.
 */
@Service
public class ConsultationService {

    /** A pool question as a consultant sees it, with the field of law its words suggest. */
    public record PoolQuestion(Ticket ticket, LegalCategory category) {
    }

    private static final int MAX_ANSWER = 8000;
    private static final int MAX_CITATIONS = 20;

    private final Tickets tickets;
    private final Consultants consultants;
    private final ConsultationAnswers answers;
    private final ConsultationProperties properties;
    private final TicketingProperties ticketing;
    private final Clock clock;

    ConsultationService(Tickets tickets, Consultants consultants, ConsultationAnswers answers,
                        ConsultationProperties properties, TicketingProperties ticketing, Clock clock) {
        this.tickets = tickets;
        this.consultants = consultants;
        this.answers = answers;
        this.properties = properties;
        this.ticketing = ticketing;
        this.clock = clock;
    }

    /** Open pool questions this consultant may take, oldest first; {@code category} narrows by field. */
    @Transactional(readOnly = true)
    public List<PoolQuestion> pool(String username, LegalCategory category) {
        Consultant consultant = certified(username);
        String prefix = consultant.scope(properties.provinceWidePool()).regionPrefix();
        Specification<Ticket> open = (root, query, cb) -> cb.and(
                cb.equal(root.get("queue"), RoutingQueue.VOLUNTEER_POOL),
                cb.equal(root.get("status"), TicketStatus.ROUTED),
                root.get("businessType").in(consultant.businessTypes()),
                cb.like(root.get("regionCode"), prefix + "%"));
        List<PoolQuestion> questions = new ArrayList<>();
        for (Ticket t : tickets.findBy(open, q -> q.sortBy(Sort.by("createdAt", "id")).limit(200).all())) {
            LegalCategory guessed = LegalCategory.guess(t.text());
            if (category == null || category == guessed) {
                questions.add(new PoolQuestion(t, guessed));
            }
        }
        return questions;
    }

    /** Questions this consultant holds: claimed and not yet answered, or with a follow-up waiting. */
    @Transactional(readOnly = true)
    public List<Ticket> mine(String username) {
        Specification<Ticket> held = (root, query, cb) -> cb.and(
                cb.equal(root.get("queue"), RoutingQueue.VOLUNTEER_POOL),
                cb.equal(root.get("status"), TicketStatus.IN_PROGRESS),
                cb.equal(root.get("assignee"), username));
        return tickets.findBy(held, q -> q.sortBy(Sort.by("createdAt", "id")).limit(200).all());
    }

    @Transactional
    public Ticket claim(String number, String username) {
        Consultant consultant = certified(username);
        Ticket ticket = lockedPoolTicket(number, consultant);
        if (ticket.status() == TicketStatus.IN_PROGRESS && !username.equals(ticket.assignee())) {
            throw new ClaimConflictException(number);
        }
        if (ticket.status() == TicketStatus.ROUTED) {
            ticket.claimBy(username, clock.instant());
        }
        return ticket;
    }

    @Transactional
    public Ticket release(String number, String username) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!username.equals(ticket.assignee())) {
            throw new ClaimConflictException(number);
        }
        ticket.releaseClaim(username, "咨询师放弃认领", clock.instant());
        return ticket;
    }

    /** Answers a question: the consultant must be certified, in the field, and hold (or take) the claim. */
    @Transactional
    public ConsultationAnswer answer(String number, String username, String text, List<String> citedArticles) {
        Consultant consultant = certified(username);
        String answerText = checkAnswer(text);
        List<String> citations = checkCitations(citedArticles);
        Ticket ticket = lockedPoolTicket(number, consultant);
        if (ticket.assignee() != null && !username.equals(ticket.assignee())) {
            throw new ClaimConflictException(number);
        }
        Instant now = clock.instant();
        if (ticket.status() == TicketStatus.ROUTED) {
            ticket.claimBy(username, now);
        }
        String shown = citations.isEmpty() ? answerText : answerText + "\n\n引用法条：" + String.join("；", citations);
        ticket.answer(username, shown, now);
        return answers.save(new ConsultationAnswer(number, username, answerText, citations, now));
    }

    /** Returns claims nobody answered within the claim timeout to the pool; returns how many. */
    @Transactional
    public int releaseExpiredClaims() {
        Instant cutoff = clock.instant().minus(properties.claimTimeout());
        Specification<Ticket> expired = (root, query, cb) -> cb.and(
                cb.equal(root.get("queue"), RoutingQueue.VOLUNTEER_POOL),
                cb.equal(root.get("status"), TicketStatus.IN_PROGRESS),
                cb.isNull(root.get("firstAnsweredAt")),
                cb.lessThan(root.get("claimedAt"), cutoff));
        int released = 0;
        for (Ticket candidate : tickets.findBy(expired, q -> q.limit(500).all())) {
            Ticket ticket = tickets.findForUpdate(candidate.number()).orElseThrow();
            if (ticket.status() == TicketStatus.IN_PROGRESS && ticket.firstAnsweredAt() == null
                    && ticket.claimedAt() != null && ticket.claimedAt().isBefore(cutoff)) {
                ticket.releaseClaim(Ticket.SYSTEM, "认领后超过" + properties.claimTimeout().toMinutes()
                        + "分钟未答复，退回咨询池", clock.instant());
                released++;
            }
        }
        return released;
    }

    private Ticket lockedPoolTicket(String number, Consultant consultant) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (ticket.queue() != RoutingQueue.VOLUNTEER_POOL) {
            throw new TicketNotFoundException(number);
        }
        if (!consultant.covers(ticket.businessType(), ticket.region(), properties.provinceWidePool())) {
            throw new CertificationException("该问题不在您认证的业务领域或地区范围内");
        }
        return ticket;
    }

    private Consultant certified(String username) {
        Consultant consultant = consultants.findById(username)
                .orElseThrow(() -> new CertificationException("您尚未通过咨询师资格认证，请先提交申请"));
        consultant.refusalOn(clock.instant(), ticketing.zone()).ifPresent(why -> {
            throw new CertificationException(why + "，暂不能认领或答复问题");
        });
        return consultant;
    }

    private String checkAnswer(String text) {
        String value = text == null ? "" : text.strip();
        if (TextRules.hasControlCharacters(value, true)) {
            throw new InvalidInputException("text", "field.controlCharacters", "内容含有不可见的控制字符");
        }
        int length = value.codePointCount(0, value.length());
        if (length < properties.minAnswerLength()) {
            throw new InvalidInputException("text", "answer.tooShort",
                    "答复至少需要" + properties.minAnswerLength() + "个字");
        }
        if (length > MAX_ANSWER) {
            throw new InvalidInputException("text", "field.tooLong", "答复不能超过" + MAX_ANSWER + "个字");
        }
        return value;
    }

    private static List<String> checkCitations(List<String> raw) {
        List<String> citations = new ArrayList<>();
        for (String c : raw == null ? List.<String>of() : raw) {
            String value = c == null ? "" : c.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > 60 || value.contains("；") || TextRules.hasControlCharacters(value, false)) {
                throw new InvalidInputException("citedArticles", "citation.invalid", "引用法条格式不正确，如：民法典第一千零七十九条");
            }
            citations.add(value);
        }
        if (citations.size() > MAX_CITATIONS) {
            throw new InvalidInputException("citedArticles", "citation.tooMany", "引用法条不能超过" + MAX_CITATIONS + "条");
        }
        return citations;
    }
}
