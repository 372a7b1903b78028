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
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A consultant's answer to a pool question, kept for points and for quality review. */
@Entity
@Table(name = "consultation_answer")
public class ConsultationAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_answer_seq")
    @SequenceGenerator(name = "consultation_answer_seq", sequenceName = "consultation_answer_seq",
            allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(name = "ticket_number", nullable = false, length = 24)
    private String ticketNumber;

    @Column(nullable = false, length = 64)
    private String consultant;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(name = "cited_articles", length = 1000)
    private String citedArticles;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", nullable = false, length = 16)
    private ReviewStatus reviewStatus;

    @Column(name = "flagged_by", length = 64)
    private String flaggedBy;

    @Column(name = "flag_reason", length = 500)
    private String flagReason;

    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;

    @Column(name = "review_reason", length = 500)
    private String reviewReason;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected ConsultationAnswer() {
    }

    public ConsultationAnswer(String ticketNumber, String consultant, String text, List<String> citedArticles,
                              Instant answeredAt) {
        this.ticketNumber = ticketNumber;
        this.consultant = consultant;
        this.text = text;
        this.citedArticles = citedArticles.isEmpty() ? null : String.join("；", citedArticles);
        this.answeredAt = answeredAt;
        this.reviewStatus = ReviewStatus.NONE;
    }

    public void flag(String by, String reason) {
        if (reviewStatus != ReviewStatus.NONE) {
            throw new CertificationException("该答复已在复核流程中（" + reviewStatus.chineseName() + "）");
        }
        reviewStatus = ReviewStatus.FLAGGED;
        flaggedBy = by;
        flagReason = reason;
    }

    public void review(boolean upheld, String by, String reason, Instant now) {
        if (reviewStatus != ReviewStatus.FLAGGED) {
            throw new CertificationException("只有待复核的答复才能复核");
        }
        reviewStatus = upheld ? ReviewStatus.UPHELD : ReviewStatus.REJECTED;
        reviewedBy = by;
        reviewReason = reason;
        reviewedAt = now;
    }

    public Long id() {
        return id;
    }

    public String ticketNumber() {
        return ticketNumber;
    }

    public String consultant() {
        return consultant;
    }

    public String text() {
        return text;
    }

    public List<String> citedArticles() {
        return citedArticles == null ? List.of() : Arrays.asList(citedArticles.split("；"));
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public ReviewStatus reviewStatus() {
        return reviewStatus;
    }

    public String flagReason() {
        return flagReason;
    }

    public String reviewReason() {
        return reviewReason;
    }
}
