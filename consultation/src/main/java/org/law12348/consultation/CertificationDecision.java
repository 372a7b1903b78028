package org.law12348.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One step on a consultant's record: applied, approved, rejected, suspended, revoked — by whom, when, why. */
@Entity
@Immutable
@Table(name = "certification_decision")
public class CertificationDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_decision_seq")
    @SequenceGenerator(name = "certification_decision_seq", sequenceName = "certification_decision_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultant")
    private Consultant consultant;

    @Column(nullable = false, length = 16)
    private String decision;

    @Column(name = "decided_by", nullable = false, length = 64)
    private String decidedBy;

    @Column(length = 500)
    private String reason;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CertificationDecision() {
    }

    CertificationDecision(Consultant consultant, String decision, String decidedBy, String reason, Instant decidedAt) {
        this.consultant = consultant;
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.reason = reason;
        this.decidedAt = decidedAt;
    }

    public String decision() {
        return decision;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
