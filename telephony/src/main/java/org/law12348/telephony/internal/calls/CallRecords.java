package org.law12348.telephony.internal.calls;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All hotline calls. */
public interface CallRecords extends JpaRepository<CallRecord, Long> {

    Optional<CallRecord> findByCallId(String callId);

    List<CallRecord> findByTicketNumber(String ticketNumber);

    List<CallRecord> findByCallerPhoneOrderByStartedAtDesc(String callerPhone, Pageable page);

    @Query("""
            select c from CallRecord c
            where c.startedAt >= :from and c.startedAt < :to
              and (:phone is null or c.callerPhone = :phone)
              and (:outcome is null or c.outcome = :outcome)
              and (:queue is null or c.queue = :queue)
            order by c.startedAt desc, c.id desc""")
    List<CallRecord> search(Instant from, Instant to, String phone, org.law12348.telephony.CallOutcome outcome,
                            String queue, Pageable page);
}
