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
import org.law12348.telephony.CallOutcome;
import org.law12348.ticketing.BusinessType;

import java.time.Duration;
import java.time.Instant;

/**
 * One hotline call, filled in by the IVR script and by AMI events in whatever order they arrive.
 * Each setter keeps what is already known when an event repeats or comes late.
 */
@Entity
@Table(name = "call_record")
@EntityListeners(BlindIndexListener.class)
public class CallRecord implements BlindIndexed {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_record_seq")
    @SequenceGenerator(name = "call_record_seq", sequenceName = "call_record_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(name = "call_id", nullable = false, length = 64)
    private String callId;

    /** Encrypted at rest; lookups compare {@link #callerPhoneHash}. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "caller_phone_enc", length = 200)
    private String callerPhone;

    @Column(name = "caller_phone_hash", length = 64)
    private String callerPhoneHash;

    @Column(name = "region_code", length = 6)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type", length = 32)
    private BusinessType businessType;

    @Column(name = "queue_name", length = 64)
    private String queue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private CallOutcome outcome;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "wait_seconds")
    private Integer waitSeconds;
    @Column(name = "talk_seconds")
    private Integer talkSeconds;
    @Column(length = 128)
    private String agent;
    @Column(name = "recording_file", length = 255)
    private String recordingFile;
    @Column(name = "ticket_number", length = 24)
    private String ticketNumber;
    private Integer rating;

    protected CallRecord() {
    }

    public CallRecord(String callId, String callerPhone, Instant startedAt) {
        this.callId = callId;
        this.callerPhone = callerPhone;
        this.startedAt = startedAt;
        this.outcome = CallOutcome.IN_IVR;
    }

    public void identify(String phone, String region) {
        callerPhone = callerPhone == null ? phone : callerPhone;
        regionCode = region == null ? regionCode : region;
    }

    public void chose(BusinessType type, String queueName) {
        businessType = type;
        queue = queueName;
    }

    public void queued(String queueName, Instant at) {
        queue = queueName;
        if (queuedAt == null) {
            queuedAt = at;
        }
        if (outcome == CallOutcome.IN_IVR) {
            outcome = CallOutcome.QUEUED;
        }
    }

    public void connected(String agentName, int holdSeconds, Instant at) {
        agent = agentName;
        waitSeconds = holdSeconds;
        answeredAt = answeredAt == null ? at : answeredAt;
        outcome = CallOutcome.ANSWERED;
    }

    public void completed(int holdSeconds, int talkSecondsTotal, String agentName) {
        waitSeconds = holdSeconds;
        talkSeconds = talkSecondsTotal;
        agent = agent == null ? agentName : agent;
        outcome = CallOutcome.ANSWERED;
    }

    public void abandoned(int holdSeconds) {
        waitSeconds = holdSeconds;
        if (outcome != CallOutcome.ANSWERED) {
            outcome = CallOutcome.ABANDONED;
        }
    }

    public void messageLeft(String recording, String ticket) {
        recordingFile = recording;
        linkTicket(ticket);
        outcome = CallOutcome.MESSAGE_LEFT;
    }

    /**
     * The caller recorded nothing usable (silence, or shorter than the configured minimum): a missed call
     * to be called back, no ticket. The recording, if any, stays referenced so staff can still listen.
     */
    public void messageTooShort(String recording, Instant at) {
        recordingFile = recording == null ? recordingFile : recording;
        outcome = CallOutcome.MISSED;
        endedAt = endedAt == null ? at : endedAt;
    }

    public void callbackBooked(String ticket) {
        linkTicket(ticket);
        outcome = CallOutcome.CALLBACK_REQUESTED;
    }

    /** The caller chose a self-service step of the IVR: served by the machine, not a missed call. */
    public void selfService() {
        if (outcome == CallOutcome.IN_IVR) {
            outcome = CallOutcome.SELF_SERVICE;
        }
    }

    public void linkTicket(String ticket) {
        ticketNumber = ticket;
    }

    /**
     * The ticket of this call was anonymised: the caller's number and the recording reference go, the
     * call's facts (times, queue, outcome) stay for statistics. Returns the recording reference it
     * held, so the caller can delete the file.
     */
    public String anonymise() {
        String recording = recordingFile;
        callerPhone = null;
        recordingFile = null;
        return recording;
    }

    public void rate(int value) {
        rating = value;
    }

    /** The caller's channel is gone; a call still in the IVR or the queue was missed or abandoned. */
    public void hungUp(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
        if (outcome == CallOutcome.IN_IVR) {
            outcome = CallOutcome.MISSED;
        } else if (outcome == CallOutcome.QUEUED) {
            outcome = CallOutcome.ABANDONED;
        }
        if (waitSeconds == null && queuedAt != null && outcome == CallOutcome.ABANDONED) {
            waitSeconds = (int) Duration.between(queuedAt, endedAt).toSeconds();
        }
    }

    @Override
    public void refreshBlindIndexes(PersonalDataCipher cipher) {
        callerPhoneHash = cipher.blindIndex(callerPhone);
    }

    public Long id() { return id; }
    public String callId() { return callId; }
    public String callerPhone() { return callerPhone; }
    public String regionCode() { return regionCode; }
    public BusinessType businessType() { return businessType; }
    public String queue() { return queue; }
    public CallOutcome outcome() { return outcome; }
    public Instant startedAt() { return startedAt; }
    public Instant answeredAt() { return answeredAt; }
    public Instant endedAt() { return endedAt; }
    public Integer waitSeconds() { return waitSeconds; }
    public Integer talkSeconds() { return talkSeconds; }
    public String agent() { return agent; }
    public String recordingFile() { return recordingFile; }
    public String ticketNumber() { return ticketNumber; }
    public Integer rating() { return rating; }
}
