package org.law12348.app;

import org.law12348.ticketing.TicketEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener of the outbox's events that fails for the tickets a test names, as a bug or an
 * unavailable dependency in a real listener would. Tests add and remove numbers themselves.
 */
@TestConfiguration
class PlantedDeliveryFailures {

    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    @EventListener
    void on(TicketEvent.TicketCreated created) {
        if (FAILING.contains(created.ticketNumber())) {
            throw new IllegalStateException("planted delivery failure for " + created.ticketNumber());
        }
    }
}
