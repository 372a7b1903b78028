package org.law12348.telephony.internal.web;

import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.desk.DeskEvent;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.ticketing.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-Sent Events to a person's open desk pages (the pattern of the console's LiveUpdates): the
 * screen pop ({@code call}, the caller card as that person may see it), {@code call-ended} and
 * {@code state}. Only the desk's own person receives its events.
 */
@Component
class DeskPushes {

    private record Subscriber(SseEmitter emitter, StaffMember staff) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeskPushes.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final CallLog calls;
    private final CallerCards cards;
    private final PhoneDesks desks;
    private final DeskViews views;

    DeskPushes(CallLog calls, CallerCards cards, PhoneDesks desks, DeskViews views) {
        this.calls = calls;
        this.cards = cards;
        this.desks = desks;
        this.views = views;
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

    @EventListener
    void on(DeskEvent.CallConnected connected) {
        calls.find(connected.callId()).ifPresent(call -> forEach(connected.username(), s ->
                SseEmitter.event().name("call").data(cards.of(call, s.staff()), MediaType.APPLICATION_JSON)));
    }

    @EventListener
    void on(DeskEvent.CallEnded ended) {
        forEach(ended.username(), s -> SseEmitter.event().name("call-ended")
                .data(Map.of("callId", ended.callId()), MediaType.APPLICATION_JSON));
    }

    @EventListener
    void on(DeskEvent.StateChanged changed) {
        desks.of(changed.username()).ifPresent(desk -> forEach(changed.username(), s -> SseEmitter.event()
                .name("state").data(views.of(desk, desks.pbxConnected()), MediaType.APPLICATION_JSON)));
    }

    private void forEach(String username, java.util.function.Function<Subscriber, SseEmitter.SseEventBuilder> event) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.staff().username().equals(username)) {
                send(subscriber, event.apply(subscriber));
            }
        }
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        synchronized (subscriber) {
            try {
                subscriber.emitter().send(event);
            } catch (IOException | IllegalStateException gone) {
                log.debug("Desk page of {} went away", subscriber.staff().username());
                subscribers.remove(subscriber);
            }
        }
    }
}
