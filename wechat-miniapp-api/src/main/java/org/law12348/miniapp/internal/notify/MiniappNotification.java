package org.law12348.miniapp.internal.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.law12348.personaldata.privacy.EncryptedString;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenNotice;

import java.time.Instant;

/** A notice waiting to be sent to a citizen through their mini-program platform, and how sending went. */
@Entity
@Table(name = "miniapp_notification")
public class MiniappNotification {

    /** Where a notification stands. */
    public enum Status {
        PENDING, SENT, FAILED, SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "miniapp_notification_seq")
    @SequenceGenerator(name = "miniapp_notification_seq", sequenceName = "miniapp_notification_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_number", nullable = false, length = 24)
    private String ticketNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CitizenNotice.Kind kind;

    /** The openid or Alipay user id to send to, encrypted at rest. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "recipient_enc", nullable = false, length = 200)
    private String recipient;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false, length = 300)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 300)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected MiniappNotification() {
    }

    MiniappNotification(CitizenNotice notice, String recipient, Instant now) {
        this.ticketNumber = notice.ticketNumber();
        this.channel = notice.channel();
        this.kind = notice.kind();
        this.recipient = recipient;
        this.title = clip(notice.title(), 100);
        this.summary = clip(notice.summary(), 300);
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public Long id() {
        return id;
    }

    public String ticketNumber() {
        return ticketNumber;
    }

    public Channel channel() {
        return channel;
    }

    public CitizenNotice.Kind kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
