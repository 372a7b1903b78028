package org.law12348.consultation;

import org.law12348.ticketing.TicketStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

/** All answers consultants gave to pool questions. */
public interface ConsultationAnswers extends JpaRepository<ConsultationAnswer, Long> {

    List<ConsultationAnswer> findByTicketNumberOrderByIdAsc(String ticketNumber);

    List<ConsultationAnswer> findByReviewStatusOrderByIdAsc(ReviewStatus status);

    /** This consultant's answers, newest first, each with its ticket. */
    @Query("""
            select a, t from ConsultationAnswer a, Ticket t
            where t.number = a.ticketNumber and a.consultant = :consultant
            order by a.id desc""")
    List<Object[]> newestOfConsultantWithTickets(String consultant, Limit limit);

    /**
     * The newest answers not rejected by review, each with its ticket, on tickets in one of
     * {@code statuses} whose personal data is still there (not anonymised).
     */
    @Query("""
            select a, t from ConsultationAnswer a, Ticket t
            where t.number = a.ticketNumber and t.status in :statuses and t.anonymisedAt is null
              and a.reviewStatus <> org.law12348.consultation.ReviewStatus.REJECTED
            order by a.id desc""")
    List<Object[]> newestWithTickets(Collection<TicketStatus> statuses, Limit limit);
}
