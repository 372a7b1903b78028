package org.law12348.ticketing;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Hands ticket changes to the notifier of the channel the citizen came from. */
@Service
public class CitizenNotifications {

    private final Tickets tickets;
    private final List<CitizenNotifier> notifiers;
    private final Clock clock;

    CitizenNotifications(Tickets tickets, List<CitizenNotifier> notifiers, Clock clock) {
        this.tickets = tickets;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    @EventListener
    void on(TicketEvent.TicketAccepted event) {
        notify(event.ticketNumber(), CitizenNotice.Kind.ACCEPTED, "您的诉求已受理");
    }

    @EventListener
    void on(TicketEvent.TicketAnswered event) {
        notify(event.ticketNumber(), CitizenNotice.Kind.ANSWERED, "您的问题已有答复");
    }

    @EventListener
    void on(TicketEvent.TicketClosed event) {
        notify(event.ticketNumber(), CitizenNotice.Kind.CLOSED, "您的工单已办结");
    }

    /**
     * Tells the citizen that one of their legal clocks runs out soon, e.g. {@code 劳动仲裁申请期限：2027年3月14日截止，还剩7天}.
     * Called inside the transaction that records the reminder, so the notice is queued exactly when the
     * reminder is recorded, once.
     */
    public void remindOfLegalClock(String ticketNumber, String summary) {
        notify(ticketNumber, CitizenNotice.Kind.CLOCK_REMINDER, "法律期限提醒", summary);
    }

    /** Writes how a delivery went onto the ticket's timeline (visible to staff only). */
    @Transactional
    public void recordDelivery(String ticketNumber, String text) {
        tickets.findForUpdate(ticketNumber).ifPresent(t -> t.recordNotification(text, clock.instant()));
    }

    private void notify(String number, CitizenNotice.Kind kind, String title) {
        notify(number, kind, title, null);
    }

    private void notify(String number, CitizenNotice.Kind kind, String title, String summary) {
        if (notifiers.isEmpty()) {
            return;
        }
        Ticket ticket = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
        CitizenContact contact = ticket.contact();
        CitizenNotice notice = new CitizenNotice(number, ticket.channel(), kind, title,
                summary != null ? summary : ticket.businessType().chineseName() + "：" + ticket.subject(),
                contact.wechatOpenId(),
                contact.alipayUserId(), contact.phone() == null ? null : contact.phone().value());
        for (CitizenNotifier notifier : notifiers) {
            if (notifier.handles(ticket.channel())) {
                notifier.enqueue(notice);
            }
        }
    }
}
