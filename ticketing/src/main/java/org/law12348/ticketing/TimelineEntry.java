package org.law12348.ticketing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One entry of a ticket's timeline. Entries are written once and never changed. */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_seq")
    @SequenceGenerator(name = "timeline_seq", sequenceName = "timeline_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TimelineEventType type;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(length = 8000)
    private String text;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected TimelineEntry() {
    }

    TimelineEntry(Ticket ticket, TimelineEventType type, String actor, String text, Instant occurredAt) {
        this.ticket = ticket;
        this.type = type;
        this.actor = actor;
        this.text = text;
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }

    public TimelineEventType type() {
        return type;
    }

    public String actor() {
        return actor;
    }

    public String text() {
        return text;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public boolean visibleToCitizen() {
        return type.visibleToCitizen();
    }
}
