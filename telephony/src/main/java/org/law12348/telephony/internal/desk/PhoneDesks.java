package org.law12348.telephony.internal.desk;

import org.law12348.telephony.DeskAssignments;
import org.law12348.telephony.TelephonyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps desks and the PBX in step: every change is stored first (so it survives reloads and outages)
 * and then applied over AMI; a desk the PBX could not be told about is applied after the next login
 * ({@link #reapplyAll}). Queue events move desks through ON_CALL and WRAP_UP.
 */
@Component
public class PhoneDesks implements DeskAssignments {

    private static final Logger log = LoggerFactory.getLogger(PhoneDesks.class);

    /** A desk after a change, and whether the PBX took it. */
    public record Outcome(AgentDesk desk, boolean applied) {
    }

    private final AgentDesks desks;
    private final ObjectProvider<QueueMembers> pbx;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TelephonyProperties.Desk settings;
    private final Clock clock;

    PhoneDesks(AgentDesks desks, ObjectProvider<QueueMembers> pbx, ApplicationEventPublisher events,
               TransactionTemplate transactions, TelephonyProperties properties, Clock clock) {
        this.desks = desks;
        this.pbx = pbx;
        this.events = events;
        this.transactions = transactions;
        this.settings = properties.desk();
        this.clock = clock;
    }

    public Optional<AgentDesk> of(String username) {
        return desks.findById(username);
    }

    public List<AgentDesk> all() {
        return desks.findAll();
    }

    /** Who has the desk with this interface. */
    public Optional<String> holderOf(String memberInterface) {
        return desks.findByMemberInterface(memberInterface).map(AgentDesk::username);
    }

    public boolean pbxConnected() {
        QueueMembers members = pbx.getIfAvailable();
        return members != null && members.connected();
    }

    @Override
    public boolean assignIfAbsent(String username, String memberInterface, List<String> queues) {
        if (desks.existsById(username)) {
            return false;
        }
        assign(username, memberInterface, queues);
        return true;
    }

    /**
     * Gives a person a desk (or changes it); a desk already in the queues is re-applied at once: out of
     * the queues it no longer serves (QueueRemove), into the ones added (QueueAdd).
     */
    public Outcome assign(String username, String memberInterface, List<String> queues) {
        AgentDesk desk = transactions.execute(s -> {
            AgentDesk d = desks.findById(username).orElseGet(() -> new AgentDesk(username, memberInterface, queues,
                    clock.instant()));
            d.assign(memberInterface, queues);
            return desks.save(d);
        });
        // a desk off the queues, with no memberships left to drop, has nothing to tell the PBX
        boolean nothingToTell = desk.state() == DeskState.OFFLINE && desk.pendingRemovals().isEmpty();
        return new Outcome(desk, nothingToTell || apply(desk));
    }

    /**
     * Takes a person's desk away: out of every queue first, then deleted. A desk in the queues while the
     * PBX cannot be told stays (nothing would take its memberships away later): {@link Cleared#KEPT}.
     */
    public Cleared clear(String username) {
        Optional<AgentDesk> found = desks.findById(username);
        if (found.isEmpty()) {
            return Cleared.NO_DESK;
        }
        AgentDesk desk = found.get();
        List<AgentDesk.Membership> memberships = new ArrayList<>(desk.pendingRemovals());
        if (desk.state() != DeskState.OFFLINE) {
            desk.queues().forEach(q -> memberships.add(new AgentDesk.Membership(desk.memberInterface(), q)));
        }
        if (!memberships.isEmpty() && !withdraw(username, memberships)) {
            return Cleared.KEPT;
        }
        transactions.executeWithoutResult(s -> desks.findById(username).ifPresent(desks::delete));
        log.info("Desk of {} ({}) cleared", username, desk.memberInterface());
        events.publishEvent(new DeskEvent.StateChanged(username));
        return Cleared.CLEARED;
    }

    /** What {@link #clear} did. */
    public enum Cleared { CLEARED, NO_DESK, KEPT }

    /** The person chose OFFLINE, READY or PAUSED (with a reason). */
    public Outcome choose(String username, DeskState state, PauseReason reason) {
        AgentDesk desk = transactions.execute(s -> {
            AgentDesk d = desks.findById(username).orElseThrow();
            d.choose(state, reason, clock.instant());
            return desks.save(d);
        });
        log.info("Desk of {} ({}) is now {}", username, desk.memberInterface(), state);
        boolean applied = apply(desk);
        events.publishEvent(new DeskEvent.StateChanged(username));
        return new Outcome(desk, applied);
    }

    /** AgentConnect: the queue connected the call to this interface. */
    public void callConnected(String memberInterface, String callId) {
        Optional<AgentDesk> desk = transactions.execute(s -> desks.findByMemberInterface(memberInterface).map(d -> {
            d.callConnected(callId, clock.instant());
            return desks.save(d);
        }));
        desk.ifPresent(d -> {
            events.publishEvent(new DeskEvent.CallConnected(d.username(), callId));
            events.publishEvent(new DeskEvent.StateChanged(d.username()));
        });
    }

    /** AgentComplete: after-call work for the configured wrap-up time. */
    public void callCompleted(String memberInterface, String callId) {
        Instant now = clock.instant();
        Optional<AgentDesk> desk = transactions.execute(s -> desks.findByMemberInterface(memberInterface)
                .filter(d -> d.callCompleted(now, now.plus(settings.wrapUp()))).map(desks::save));
        desk.ifPresent(d -> {
            apply(d);
            events.publishEvent(new DeskEvent.CallEnded(d.username(), callId));
            events.publishEvent(new DeskEvent.StateChanged(d.username()));
        });
    }

    /** Ends every wrap-up whose time is over; run by the desk schedule. Returns how many. */
    public int endWrapUps() {
        Instant now = clock.instant();
        List<AgentDesk> over = transactions.execute(s -> desks
                .findByStateAndWrapUpUntilLessThanEqual(DeskState.WRAP_UP, now).stream()
                .filter(d -> d.wrapUpOver(now)).map(desks::save).toList());
        for (AgentDesk d : over) {
            apply(d);
            events.publishEvent(new DeskEvent.StateChanged(d.username()));
        }
        return over.size();
    }

    /** After every AMI login: the PBX may have restarted or missed changes made while it was away. */
    public void reapplyAll() {
        for (AgentDesk desk : desks.findAll()) {
            apply(desk);
        }
    }

    /** The summary of a call was written; the desk stops showing it after a reload. */
    public void callSummarised(String username, String callId) {
        transactions.executeWithoutResult(s -> desks.findById(username).ifPresent(d -> {
            d.callSummarised(callId);
            desks.save(d);
        }));
    }

    /** QueueRemove for these memberships now; false when the PBX could not be told. */
    private synchronized boolean withdraw(String username, List<AgentDesk.Membership> memberships) {
        QueueMembers members = pbx.getIfAvailable();
        if (members == null) {
            return true; // AMI is off: no PBX keeps memberships of ours
        }
        if (!members.connected()) {
            return false;
        }
        try {
            members.withdraw(memberships);
            return true;
        } catch (QueueMembers.PbxUnavailableException e) {
            log.warn("Desk of {} not withdrawn from the PBX ({})", username, e.getMessage());
            return false;
        }
    }

    /**
     * Tells the PBX the desk's state as stored now, not as the caller last saw it: a wrap-up and the
     * person's pause may be applied from two threads at once, and the later one must not send the
     * earlier state. One desk change reaches the PBX at a time.
     */
    private synchronized boolean apply(AgentDesk changed) {
        QueueMembers members = pbx.getIfAvailable();
        if (members == null || !members.connected()) {
            return false;
        }
        AgentDesk desk = desks.findById(changed.username()).orElse(changed);
        try {
            List<AgentDesk.Membership> removals = desk.pendingRemovals();
            if (!removals.isEmpty()) {
                members.withdraw(removals);
                transactions.executeWithoutResult(s -> desks.findById(desk.username()).ifPresent(d -> {
                    d.removalsDone(removals);
                    desks.save(d);
                }));
            }
            members.apply(desk);
            return true;
        } catch (QueueMembers.PbxUnavailableException e) {
            log.warn("Desk of {} not applied to the PBX ({}); applied after the next login", desk.username(),
                    e.getMessage());
            return false;
        }
    }
}
