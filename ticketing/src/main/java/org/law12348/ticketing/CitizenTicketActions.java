package org.law12348.ticketing;

import org.law12348.ticketing.internal.CitizenWriteKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What a citizen does to their own ticket: ask a follow-up, say the answer solved it, rate it. The
 * caller has already proved the ticket is theirs (tracking token, mini-program session).
 *
 * <p>The web sends each write with an {@code Idempotency-Key}: a retry of the same request with the same
 * key does nothing and answers as the first did (even when doing it again would now be refused, as a
 * second rating is), a key reused for another request is refused. The mini-programs keep their client
 * message ids themselves and call without a key.
 */
@Service
public class CitizenTicketActions {

    private static final int MAX_FOLLOW_UP = 2000;
    private static final int MAX_COMMENT = 500;

    /** The ticket after a write, and whether the write was a retry that changed nothing. */
    public record Outcome(Ticket ticket, boolean replayed) {
    }

    private final Tickets tickets;
    private final CitizenWriteKeys writeKeys;
    private final Clock clock;

    CitizenTicketActions(Tickets tickets, CitizenWriteKeys writeKeys, Clock clock) {
        this.tickets = tickets;
        this.writeKeys = writeKeys;
        this.clock = clock;
    }

    @Transactional
    public Ticket followUp(String number, String question) {
        return followUp(number, question, null).ticket();
    }

    @Transactional
    public Ticket acceptAnswer(String number) {
        return acceptAnswer(number, null).ticket();
    }

    @Transactional
    public Ticket rate(String number, Integer score, String comment) {
        return rate(number, score, comment, null).ticket();
    }

    /** {@code key}: the request's {@code Idempotency-Key}, or null for a write that is not retried by key. */
    @Transactional
    public Outcome followUp(String number, String question, String key) {
        String text = TicketService.requireText("text", question, 2, MAX_FOLLOW_UP);
        return change(number, key, "FOLLOW_UP", t -> t.followUp(text, clock.instant()), text);
    }

    @Transactional
    public Outcome acceptAnswer(String number, String key) {
        return change(number, key, "ACCEPT_ANSWER", t -> t.acceptAnswer(clock.instant()));
    }

    @Transactional
    public Outcome rate(String number, Integer score, String comment, String key) {
        if (score == null) {
            throw new InvalidInputException("score", "field.required", "请给出1到5分的评分");
        }
        String remark = comment == null || comment.isBlank() ? null
                : TicketService.requireText("comment", comment, 1, MAX_COMMENT);
        if (remark != null && TextRules.hasControlCharacters(remark, false)) {
            throw new InvalidInputException("comment", "field.controlCharacters", "内容含有不可见的控制字符");
        }
        return change(number, key, "RATE", t -> t.rate(score, remark, clock.instant()), score.toString(), remark);
    }

    private Outcome change(String number, String key, String write, Consumer<Ticket> action, String... request) {
        // the row lock comes first: concurrent retries of one key wait here and then find the first one's key
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (key != null && !writeKeys.firstTime(number, key, write, request)) {
            return new Outcome(ticket, true);
        }
        action.accept(ticket);
        return new Outcome(ticket, false);
    }
}
