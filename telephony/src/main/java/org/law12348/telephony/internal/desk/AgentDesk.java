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
import java.util.List;

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

    protected AgentDesk() {
    }

    public AgentDesk(String username, String memberInterface, List<String> queues, Instant now) {
        this.username = username;
        this.state = DeskState.OFFLINE;
        this.since = now;
        assign(memberInterface, queues);
    }

    /** A new interface or queue list; the state stays, so the caller re-applies it to the PBX. */
    public void assign(String newInterface, List<String> newQueues) {
        this.memberInterface = newInterface;
        this.queues = String.join(",", newQueues);
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
