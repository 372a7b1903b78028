package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Moves desks with the queue's agent events: AgentConnect names the member interface the call went
 * to (the screen pop), AgentComplete ends it (wrap-up). Interfaces that are no desk are ignored.
 * The work runs on a thread of its own, in the order of the events: asterisk-java delivers action
 * responses on its event thread, so a QueuePause sent from a listener would wait for itself.
 */
public final class DeskCallEvents implements ManagerEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeskCallEvents.class);

    private final PhoneDesks desks;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desk-call-events");
        t.setDaemon(true);
        return t;
    });

    public DeskCallEvents(PhoneDesks desks) {
        this.desks = desks;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof AgentConnectEvent || event instanceof AgentCompleteEvent) {
            worker.execute(() -> handle(event));
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private void handle(ManagerEvent event) {
        try {
            if (event instanceof AgentConnectEvent e && e.getInterface() != null) {
                desks.callConnected(e.getInterface(), e.getUniqueId());
            } else if (event instanceof AgentCompleteEvent e && e.getInterface() != null) {
                desks.callCompleted(e.getInterface(), e.getUniqueId());
            }
        } catch (RuntimeException e) {
            // one bad event must not stop the desks from following the next ones
            log.error("Could not move a desk on {}", event.getClass().getSimpleName(), e);
        }
    }
}
