package org.law12348.ticketing.consultation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** All answers consultants gave to pool questions. */
public interface ConsultationAnswers extends JpaRepository<ConsultationAnswer, Long> {

    List<ConsultationAnswer> findByTicketNumberOrderByIdAsc(String ticketNumber);

    List<ConsultationAnswer> findByReviewStatusOrderByIdAsc(ReviewStatus status);

    List<ConsultationAnswer> findTop200ByConsultantOrderByIdDesc(String consultant);
}
