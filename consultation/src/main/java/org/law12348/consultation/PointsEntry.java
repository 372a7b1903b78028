package org.law12348.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One line of the append-only points ledger. */
@Entity
@Immutable
@Table(name = "points_entry")
public class PointsEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "points_entry_seq")
    @SequenceGenerator(name = "points_entry_seq", sequenceName = "points_entry_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String consultant;

    @Column(name = "answer_id", nullable = false)
    private Long answerId;

    @Column(name = "ticket_number", nullable = false, length = 24)
    private String ticketNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PointsReason reason;

    @Column(nullable = false)
    private int points;

    @Column(name = "region_code", nullable = false, length = 6)
    private String regionCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PointsEntry() {
    }

    PointsEntry(ConsultationAnswer answer, PointsReason reason, int points, String regionCode, Instant createdAt) {
        this.consultant = answer.consultant();
        this.answerId = answer.id();
        this.ticketNumber = answer.ticketNumber();
        this.reason = reason;
        this.points = points;
        this.regionCode = regionCode;
        this.createdAt = createdAt;
    }

    public String consultant() {
        return consultant;
    }

    public String ticketNumber() {
        return ticketNumber;
    }

    public PointsReason reason() {
        return reason;
    }

    public int points() {
        return points;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
