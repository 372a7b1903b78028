package org.law12348.portal.staff;

import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketEvent;
import org.law12348.ticketing.TicketLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes what dispatchers must see at once (new tickets, deadline escalations, 24-hour hand-overs)
 * and the changes that move a ticket in or out of a queue (reassigned, accepted, answered, followed
 * up, closed or merged) to every open workspace queue as Server-Sent Events. The outbox relay publishes the ticket events after
 * their change committed; these listeners run once the relay's own transaction committed too, so a
 * retried delivery is the only way to see an event twice (the page ignores repeats). Unit handlers
 * get only their unit's events.
 */
@Component
class LiveUpdates {

    /** What one console receives: the kind of event, the ticket, its unit and a line to show. */
    record LiveEvent(String type, String number, String handlingUnit, String message) {
    }

    private record Subscriber(SseEmitter emitter, StaffMember staff) {
    }

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final TicketLookup tickets;

    LiveUpdates(TicketLookup tickets) {
        this.tickets = tickets;
    }

    SseEmitter subscribe(StaffMember staff) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, staff);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        send(subscriber, SseEmitter.event().name("ready").data(Map.of("subscribed", true)));
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketCreated created) {
        broadcast(new LiveEvent("CREATED", created.ticketNumber(), created.handlingUnit(),
                "新工单 " + created.ticketNumber() + "（" + created.businessType().chineseName() + "，"
                        + created.channel().chineseName() + "）"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketEscalated escalated) {
        broadcast(new LiveEvent("ESCALATED", escalated.ticketNumber(), escalated.handlingUnit(),
                "工单 " + escalated.ticketNumber() + " 已超过办理时限，需督办"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketHandedOver handedOver) {
        broadcast(new LiveEvent("HANDED_OVER", handedOver.ticketNumber(), handedOver.handlingUnit(),
                "工单 " + handedOver.ticketNumber() + " 24小时无人答复，已转外包服务单位"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketReassigned reassigned) {
        broadcast(new LiveEvent("REASSIGNED", reassigned.ticketNumber(), reassigned.handlingUnit(),
                "工单 " + reassigned.ticketNumber() + " 已转派"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketAccepted accepted) {
        changed("ACCEPTED", accepted.ticketNumber(), "已受理");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketAnswered answered) {
        changed("ANSWERED", answered.ticketNumber(), "已答复");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketFollowedUp followedUp) {
        changed("FOLLOWED_UP", followedUp.ticketNumber(), "收到市民追问");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TicketEvent.TicketClosed closed) {
        changed("CLOSED", closed.ticketNumber(), "已办结");
    }

    /** A change whose event does not carry the unit: the ticket is read once, to tell whom it concerns. */
    private void changed(String type, String number, String what) {
        if (subscribers.isEmpty()) {
            return;
        }
        tickets.find(number).ifPresent(ticket -> broadcast(new LiveEvent(type, number,
                ticket.handlingUnit(), "工单 " + number + " " + what)));
    }

    private void broadcast(LiveEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (mayReceive(subscriber.staff(), event)) {
                send(subscriber, SseEmitter.event().name("ticket").data(event, MediaType.APPLICATION_JSON));
            }
        }
    }

    private static boolean mayReceive(StaffMember staff, LiveEvent event) {
        return staff.role() != StaffRole.UNIT_HANDLER || java.util.Objects.equals(event.handlingUnit(), staff.unitCode());
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        // One emitter must not be written by two relay runs at once.
        synchronized (subscriber) {
            try {
                subscriber.emitter().send(event);
            } catch (IOException | IllegalStateException e) {
                log.debug("Console disconnected: {}", e.toString());
                subscribers.remove(subscriber);
            }
        }
    }
}
