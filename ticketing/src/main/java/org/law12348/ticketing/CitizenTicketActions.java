package org.law12348.ticketing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What a citizen does to their own ticket: ask a follow-up, say the answer solved it, rate it. The
 * caller has already proved the ticket is theirs (tracking token, mini-program session).
 */
@Service
public class CitizenTicketActions {

    private static final int MAX_FOLLOW_UP = 2000;
    private static final int MAX_COMMENT = 500;

    private final Tickets tickets;
    private final Clock clock;

    CitizenTicketActions(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional
    public Ticket followUp(String number, String question) {
        String text = TicketService.requireText("text", question, 2, MAX_FOLLOW_UP);
        return change(number, t -> t.followUp(text, clock.instant()));
    }

    @Transactional
    public Ticket acceptAnswer(String number) {
        return change(number, t -> t.acceptAnswer(clock.instant()));
    }

    @Transactional
    public Ticket rate(String number, Integer score, String comment) {
        if (score == null) {
            throw new InvalidInputException("score", "field.required", "请给出1到5分的评分");
        }
        String remark = comment == null || comment.isBlank() ? null
                : TicketService.requireText("comment", comment, 1, MAX_COMMENT);
        if (remark != null && TextRules.hasControlCharacters(remark, false)) {
            throw new InvalidInputException("comment", "field.controlCharacters", "内容含有不可见的控制字符");
        }
        return change(number, t -> t.rate(score, remark, clock.instant()));
    }

    private Ticket change(String number, Consumer<Ticket> action) {
        Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        action.accept(ticket);
        return ticket;
    }
}
