package org.law12348.telephony.internal.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.law12348.personaldata.privacy.BlindIndexListener;
import org.law12348.personaldata.privacy.BlindIndexed;
import org.law12348.personaldata.privacy.EncryptedString;
import org.law12348.personaldata.privacy.PersonalDataCipher;

import java.time.Instant;

/**
 * A call back owed to a citizen about a ticket: due at a time within service hours, dialled by the
 * dispatcher through AMI (agent first, then the citizen), retried until {@code maxAttempts}.
 */
@Entity
@Table(name = "callback_task")
@EntityListeners(BlindIndexListener.class)
public class CallbackTask implements BlindIndexed {

    /** Why the call back is owed. */
    public enum Reason { CALLER_REQUEST, LOW_RATING, STAFF_REQUEST }

    /**
     * Where the task stands. {@code AFTER_CALL}: asked for in the IVR while the caller is still on the
     * line; it becomes {@code PENDING} once the call has ended, so the PBX never dials a busy caller.
     * {@code DONE}: agent and citizen were connected. {@code HANDED_OVER}: every attempt failed, a
     * dispatcher takes it from here. {@code FAILED}: cancelled (the ticket was anonymised).
     */
    public enum Status { AFTER_CALL, PENDING, DIALING, DONE, HANDED_OVER, FAILED }

    private static final int HISTORY_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "callback_task_seq")
    @SequenceGenerator(name = "callback_task_seq", sequenceName = "callback_task_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(name = "ticket_number", nullable = false, length = 24)
    private String ticketNumber;
    @Column(name = "call_id", length = 64)
    private String callId;
    /** Encrypted at rest; the dialler decrypts it only to originate the call. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "phone_enc", nullable = false, length = 200)
    private String phone;
    @Column(name = "phone_hash", nullable = false, length = 64)
    private String phoneHash;
    @Column(name = "agent_extension", nullable = false, length = 32)
    private String agentExtension;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Reason reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "action_id", length = 64)
    private String actionId;
    @Column(name = "last_result", length = 200)
    private String lastResult;
    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    /** Uniqueid of the agent's leg once it answered: the citizen's DialEnd and its Hangup name it. */
    @Column(name = "channel_id", length = 64)
    private String channelId;
    @Column(name = "dialed_at")
    private Instant dialedAt;
    /** One line per attempt, for the dispatcher who takes over. */
    @Column(length = HISTORY_LENGTH)
    private String history;

    protected CallbackTask() {
    }

    public CallbackTask(String ticketNumber, String callId, String phone, String agentExtension, Reason reason,
                        Instant dueAt, String requestedBy, Instant now) {
        this.ticketNumber = ticketNumber;
        this.callId = callId;
        this.phone = phone;
        this.agentExtension = agentExtension;
        this.reason = reason;
        this.status = Status.PENDING;
        this.dueAt = dueAt;
        this.requestedBy = requestedBy;
        this.createdAt = now;
    }

    /** Holds the task until the caller's call has ended ({@link #callEnded}). */
    public CallbackTask afterTheCall() {
        if (status == Status.PENDING && attempts == 0) {
            status = Status.AFTER_CALL;
        }
        return this;
    }

    /** The caller's call ended: a task held for it is due at {@code due}. Returns whether it was held. */
    public boolean callEnded(Instant due) {
        if (status != Status.AFTER_CALL) {
            return false;
        }
        status = Status.PENDING;
        dueAt = due;
        return true;
    }

    /** Claims the task for one originate; the action id ties the OriginateResponse back to it. */
    public void dialing(String originateActionId, Instant now) {
        status = Status.DIALING;
        attempts++;
        actionId = originateActionId;
        channelId = null;
        dialedAt = now;
    }

    /** The agent answered (OriginateResponse Success); the dialplan now dials the citizen from that leg. */
    public void agentAnswered(String agentChannelId) {
        if (status == Status.DIALING) {
            channelId = agentChannelId;
        }
    }

    /** Both legs are connected: the callback is done. {@code when} is the local time staff read. */
    public void connected(String result, String when, Instant now) {
        status = Status.DONE;
        lastResult = result;
        completedAt = now;
        remember(result, when);
    }

    /**
     * An attempt that did not connect both legs: tried again at {@code retryAt}, or after the last
     * attempt handed over to a dispatcher.
     */
    public void failed(String result, String when, int maxAttempts, Instant retryAt, Instant now) {
        lastResult = result;
        remember(result, when);
        if (attempts >= maxAttempts || retryAt == null) {
            status = Status.HANDED_OVER;
            completedAt = now;
        } else {
            status = Status.PENDING;
            dueAt = retryAt;
        }
    }

    private void remember(String result, String when) {
        String line = "第" + attempts + "次（" + when + "）：" + result;
        String all = history == null ? line : history + "\n" + line;
        history = all.length() <= HISTORY_LENGTH ? all : all.substring(all.length() - HISTORY_LENGTH);
    }

    /**
     * The ticket was anonymised: the number goes, and a callback not yet made never will be. One being
     * dialled ends here too: its OriginateResponse then finds it no longer dialling, so a failed attempt
     * cannot put it back to be retried with no number.
     */
    public void anonymise(Instant now) {
        phone = "";
        if (status == Status.AFTER_CALL || status == Status.PENDING || status == Status.DIALING) {
            status = Status.FAILED;
            completedAt = now;
            lastResult = "工单已匿名化，回拨取消";
        }
    }

    @Override
    public void refreshBlindIndexes(PersonalDataCipher cipher) {
        phoneHash = cipher.blindIndex(phone);
    }

    /** Still to be made or being made: waiting for the call's end, due, or dialling. */
    public boolean isOpen() {
        return status == Status.AFTER_CALL || status == Status.PENDING || status == Status.DIALING;
    }

    public Long id() { return id; }
    public String ticketNumber() { return ticketNumber; }
    public String callId() { return callId; }
    public String phone() { return phone; }
    public String agentExtension() { return agentExtension; }
    public Reason reason() { return reason; }
    public Status status() { return status; }
    public Instant dueAt() { return dueAt; }
    public int attempts() { return attempts; }
    public String actionId() { return actionId; }
    public String lastResult() { return lastResult; }
    public String requestedBy() { return requestedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant completedAt() { return completedAt; }
    public String channelId() { return channelId; }
    public Instant dialedAt() { return dialedAt; }
    public String history() { return history; }
}
