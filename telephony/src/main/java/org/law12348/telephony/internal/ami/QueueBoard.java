package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.QueueSummaryAction;
import org.asteriskjava.manager.event.AbstractAgentEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueSummaryEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.law12348.telephony.internal.calls.LiveQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The wallboard's live half, kept the way Asterisk's own {@code queue show} is: after every login the
 * whole picture is read with {@code QueueSummary} (every queue, also one nobody is logged in to) and
 * {@code QueueStatus} (its members and the callers waiting, with how long each has waited); from then
 * on the queue events move it: QueueCallerJoin/Leave/Abandon for callers, QueueMemberStatus,
 * QueueMemberPause, QueueMemberAdded/Removed and AgentConnect/Complete for agents. Events are applied
 * as states, not as increments, so an event seen twice (a status list and the same member's live
 * event) changes nothing.
 */
public final class QueueBoard implements ManagerEventListener, LiveQueues {

    private static final Logger log = LoggerFactory.getLogger(QueueBoard.class);

    /** Asterisk's device states (AST_DEVICE_*) in the Status field of queue members. */
    private static final int UNKNOWN = 0, NOT_INUSE = 1, INVALID = 4, UNAVAILABLE = 5, RINGING = 6;

    private record Member(int status, boolean paused, boolean inCall) {
    }

    private static final class Queue {
        final Map<String, Instant> waiting = new ConcurrentHashMap<>();
        final Map<String, Member> members = new ConcurrentHashMap<>();
    }

    private final Clock clock;
    private volatile AmiConnector ami;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean synced;

    public QueueBoard(Clock clock) {
        this.clock = clock;
    }

    /** The connection the board listens on and reads its lists from; it resyncs after each login. */
    public void attach(AmiConnector connector) {
        this.ami = connector;
        connector.afterEachLogin(this::resync);
    }

    /** Reads the whole board from the PBX; run after each login (a reconnect may have missed events). */
    public void resync() {
        Map<String, Queue> fresh = new ConcurrentHashMap<>();
        Instant now = clock.instant();
        try {
            for (ResponseEvent e : ami.sendListing(new QueueSummaryAction()).getEvents()) {
                if (e instanceof QueueSummaryEvent summary && summary.getQueue() != null) {
                    fresh.computeIfAbsent(summary.getQueue(), q -> new Queue());
                }
            }
            ResponseEvents status = ami.sendListing(new QueueStatusAction());
            for (ResponseEvent e : status.getEvents()) {
                apply(fresh, e, now);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Queue lists could not be read: " + e, e);
        }
        queues.clear();
        queues.putAll(fresh);
        synced = true;
        log.info("Wallboard read {} queues from the PBX", fresh.size());
        changed();
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            synced = false;
            changed();
            return;
        }
        if (event instanceof ResponseEvent r && r.getActionId() != null) {
            return; // an item of resync()'s lists, read there as a whole; live QueueMemberStatus has no ActionID
        }
        try {
            if (apply(queues, event, clock.instant())) {
                changed();
            }
        } catch (RuntimeException e) {
            log.error("Could not apply queue event {}", event.getClass().getSimpleName(), e);
        }
    }

    /** Applies one event or list item; true when it concerned a queue. */
    private static boolean apply(Map<String, Queue> board, ManagerEvent event, Instant now) {
        if (event instanceof QueueParamsEvent e) {
            board.computeIfAbsent(e.getQueue(), q -> new Queue());
        } else if (event instanceof QueueEntryEvent e) {
            long waited = e.getWait() == null ? 0 : e.getWait();
            board.computeIfAbsent(e.getQueue(), q -> new Queue()).waiting.put(e.getUniqueId(), now.minusSeconds(waited));
        } else if (event instanceof QueueCallerJoinEvent e) {
            board.computeIfAbsent(e.getQueue(), q -> new Queue()).waiting.putIfAbsent(e.getUniqueId(), now);
        } else if (event instanceof QueueCallerLeaveEvent e) {
            queue(board, e.getQueue()).waiting.remove(e.getUniqueId());
        } else if (event instanceof QueueCallerAbandonEvent e) {
            queue(board, e.getQueue()).waiting.remove(e.getUniqueId());
        } else if (event instanceof QueueMemberEvent e) { // also QueueMemberStatus, which extends it
            Member member = new Member(orZero(e.getStatus()), Boolean.TRUE.equals(e.getPaused()),
                    e.getIncall() != null && e.getIncall() == 1);
            queue(board, e.getQueue()).members.put(iface(e.getInterface(), e.getLocation()), member);
        } else if (event instanceof QueueMemberAddedEvent e) {
            queue(board, e.getQueue()).members.put(iface(e.getInterface(), e.getLocation()),
                    new Member(orZero(e.getStatus()), Boolean.TRUE.equals(e.getPaused()), false));
        } else if (event instanceof QueueMemberRemovedEvent e) {
            queue(board, e.getQueue()).members.remove(iface(e.getInterface(), e.getLocation()));
        } else if (event instanceof QueueMemberPausedEvent e) { // QueueMemberPause (Asterisk 12+) extends it
            queue(board, e.getQueue()).members.computeIfPresent(iface(e.getInterface(), e.getLocation()),
                    (k, m) -> new Member(m.status(), Boolean.TRUE.equals(e.getPaused()), m.inCall()));
        } else if (event instanceof AgentConnectEvent e) {
            queue(board, e.getQueue()).waiting.remove(e.getUniqueId());
            inCall(board, e, true);
        } else if (event instanceof AgentCompleteEvent e) {
            inCall(board, e, false);
        } else {
            return false;
        }
        return true;
    }

    private static void inCall(Map<String, Queue> board, AbstractAgentEvent e, boolean inCall) {
        String member = e instanceof AgentConnectEvent c ? c.getInterface() : ((AgentCompleteEvent) e).getInterface();
        if (member != null) {
            queue(board, e.getQueue()).members.computeIfPresent(member,
                    (k, m) -> new Member(m.status(), m.paused(), inCall));
        }
    }

    private static Queue queue(Map<String, Queue> board, String name) {
        return board.computeIfAbsent(name == null ? "" : name, q -> new Queue());
    }

    private static String iface(String iface, String location) {
        return iface != null ? iface : location == null ? "" : location;
    }

    private static int orZero(Integer n) {
        return n == null ? UNKNOWN : n;
    }

    @Override
    public boolean connected() {
        AmiConnector connector = ami;
        return synced && connector != null && connector.isConnected();
    }

    @Override
    public List<LiveQueue> at(Instant now) {
        return queues.entrySet().stream().filter(q -> !q.getKey().isEmpty()).sorted(Map.Entry.comparingByKey())
                .map(q -> live(q.getKey(), q.getValue(), now)).toList();
    }

    private static LiveQueue live(String name, Queue q, Instant now) {
        long longest = q.waiting.values().stream().min(Instant::compareTo)
                .map(since -> Math.max(0, Duration.between(since, now).toSeconds())).orElse(0L);
        int available = 0, onCall = 0, paused = 0, offline = 0;
        for (Member m : q.members.values()) {
            if (m.status() == INVALID || m.status() == UNAVAILABLE) {
                offline++;
            } else if (m.paused()) {
                paused++;
            } else if (m.inCall() || !(m.status() == NOT_INUSE || m.status() == UNKNOWN || m.status() == RINGING)) {
                onCall++;
            } else {
                available++;
            }
        }
        return new LiveQueue(name, q.waiting.size(), longest, available, onCall, paused, offline);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
