package org.law12348.telephony.internal.desk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One staff member's phone desk: the queue interface, the queues served and the state chosen or
 * reached through calls. The state is what the PBX should be told, so it survives reloads and AMI
 * reconnects.
 */
@Entity
@Table(name = "agent_desk")
public class AgentDesk {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Version
    private long version;

    @Column(name = "member_interface", nullable = false, length = 64)
    private String memberInterface;

    @Column(name = "queues", nullable = false, length = 512)
    private String queues;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private DeskState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "pause_reason", length = 24)
    private PauseReason pauseReason;

    @Column(name = "state_since", nullable = false)
    private Instant since;

    @Column(name = "wrap_up_until")
    private Instant wrapUpUntil;

    @Column(name = "current_call_id", length = 64)
    private String currentCallId;

    /** Memberships to remove from the PBX ("interface queue", comma-separated); see {@link #assign}. */
    @Column(name = "pending_removals", length = 4000)
    private String pendingRemovals;

    /** One queue membership on the PBX: an interface in a queue. */
    public record Membership(String memberInterface, String queue) {
    }

    protected AgentDesk() {
    }

    public AgentDesk(String username, String memberInterface, List<String> queues, Instant now) {
        this.username = username;
        this.state = DeskState.OFFLINE;
        this.since = now;
        assign(memberInterface, queues);
    }

    /**
     * A new interface or queue list; the state stays, so the caller re-applies it to the PBX. A desk in
     * the queues leaves behind memberships the PBX must drop: every queue it no longer serves, and all
     * of them under the old interface when the interface changed. They stay pending until the PBX took
     * the QueueRemove ({@link #removalsDone}).
     */
    public void assign(String newInterface, List<String> newQueues) {
        if (state != DeskState.OFFLINE) {
            Set<Membership> dropped = new LinkedHashSet<>(pendingRemovals());
            for (String queue : queues()) {
                if (!newInterface.equals(memberInterface) || !newQueues.contains(queue)) {
                    dropped.add(new Membership(memberInterface, queue));
                }
            }
            dropped.removeIf(m -> m.memberInterface().equals(newInterface) && newQueues.contains(m.queue()));
            pendingRemovals = dropped.isEmpty() ? null
                    : dropped.stream().map(m -> m.memberInterface() + " " + m.queue()).collect(Collectors.joining(","));
        }
        this.memberInterface = newInterface;
        this.queues = String.join(",", newQueues);
    }

    /** The memberships the PBX still has to drop. */
    public List<Membership> pendingRemovals() {
        if (pendingRemovals == null || pendingRemovals.isBlank()) {
            return List.of();
        }
        return Arrays.stream(pendingRemovals.split(",")).map(pair -> pair.split(" ", 2))
                .map(pair -> new Membership(pair[0], pair[1])).toList();
    }

    /** The PBX dropped these memberships; later ones (added meanwhile) stay pending. */
    public void removalsDone(List<Membership> done) {
        List<Membership> left = pendingRemovals().stream().filter(m -> !done.contains(m)).toList();
        pendingRemovals = left.isEmpty() ? null
                : left.stream().map(m -> m.memberInterface() + " " + m.queue()).collect(Collectors.joining(","));
    }

    /** The person chose a state (OFFLINE, READY, PAUSED); a pause carries its reason. */
    public void choose(DeskState chosen, PauseReason reason, Instant now) {
        if (!chosen.chosenByPerson()) {
            throw new IllegalArgumentException("Not a state a person chooses: " + chosen);
        }
        moveTo(chosen, chosen == DeskState.PAUSED ? reason : null, now);
        wrapUpUntil = null;
        if (chosen == DeskState.OFFLINE) {
            currentCallId = null;
        }
    }

    public void callConnected(String callId, Instant now) {
        currentCallId = callId;
        moveTo(DeskState.ON_CALL, null, now);
        wrapUpUntil = null;
    }

    /** The queue call ended: after-call work until {@code until}, unless the person left or paused meanwhile. */
    public boolean callCompleted(Instant now, Instant until) {
        if (state != DeskState.ON_CALL) {
            return false;
        }
        moveTo(DeskState.WRAP_UP, PauseReason.AFTER_CALL_WORK, now);
        wrapUpUntil = until;
        return true;
    }

    /** The wrap-up time is over: back to READY, only if the person did not choose another state meanwhile. */
    public boolean wrapUpOver(Instant now) {
        if (state != DeskState.WRAP_UP || wrapUpUntil == null || wrapUpUntil.isAfter(now)) {
            return false;
        }
        moveTo(DeskState.READY, null, now);
        wrapUpUntil = null;
        return true;
    }

    /** The summary of the shown call was written: the card need not come back after a reload. */
    public void callSummarised(String callId) {
        if (callId.equals(currentCallId) && state != DeskState.ON_CALL) {
            currentCallId = null;
        }
    }

    private void moveTo(DeskState next, PauseReason reason, Instant now) {
        state = next;
        pauseReason = reason;
        since = now;
    }

    public String username() { return username; }
    public String memberInterface() { return memberInterface; }
    public List<String> queues() { return Arrays.stream(queues.split(",")).filter(q -> !q.isBlank()).toList(); }
    public DeskState state() { return state; }
    public PauseReason pauseReason() { return pauseReason; }
    public Instant since() { return since; }
    public Instant wrapUpUntil() { return wrapUpUntil; }
    public String currentCallId() { return currentCallId; }
}
