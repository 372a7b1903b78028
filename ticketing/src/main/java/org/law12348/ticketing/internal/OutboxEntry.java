package org.law12348.ticketing.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event waiting to be relayed; written in the same transaction as the change it reports. */
@Entity
@Table(name = "outbox_event")
class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "ticket_number", nullable = false, length = 24)
    private String ticketNumber;

    @Column(nullable = false, length = 4000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxEntry() {
    }

    OutboxEntry(String eventType, String ticketNumber, String payload, Instant createdAt) {
        this.eventType = eventType;
        this.ticketNumber = ticketNumber;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String eventType() {
        return eventType;
    }

    String payload() {
        return payload;
    }

    String ticketNumber() {
        return ticketNumber;
    }
}
