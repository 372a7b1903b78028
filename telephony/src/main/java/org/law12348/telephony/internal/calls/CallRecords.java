package org.law12348.telephony.internal.calls;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All hotline calls. */
public interface CallRecords extends JpaRepository<CallRecord, Long>, JpaSpecificationExecutor<CallRecord> {

    Optional<CallRecord> findByCallId(String callId);

    /** Calls not known to have ended that started before {@code before}. */
    @Query("select c.callId from CallRecord c where c.endedAt is null and c.startedAt < :before")
    List<String> findCallIdsByEndedAtIsNullAndStartedAtBefore(Instant before);

    List<CallRecord> findByTicketNumber(String ticketNumber);

    /** Every call from one number, by the number's blind index ({@code PersonalDataCipher.blindIndex}). */
    List<CallRecord> findByCallerPhoneHash(String callerPhoneHash);

    /** Calls from one number, by the number's blind index ({@code PersonalDataCipher.blindIndex}). */
    List<CallRecord> findByCallerPhoneHashOrderByStartedAtDesc(String callerPhoneHash, Pageable page);

    /** The calls one desk's person answered since {@code since} (the agent is the desk's member name). */
    List<CallRecord> findByAgentAndStartedAtGreaterThanEqualOrderByStartedAtDesc(String agent, Instant since,
                                                                              Pageable page);

    @Query("""
            select c from CallRecord c
            where c.startedAt >= :from and c.startedAt < :to
              and (:phoneHash is null or c.callerPhoneHash = :phoneHash)
              and (:outcome is null or c.outcome = :outcome)
              and (:queue is null or c.queue = :queue)
            order by c.startedAt desc, c.id desc""")
    List<CallRecord> search(Instant from, Instant to, String phoneHash, org.law12348.telephony.CallOutcome outcome,
                            String queue, Pageable page);

    /**
     * Calls no ticket names that started before {@code before} and still hold a number or a recording
     * (the retention of calls outside tickets, {@code UntickettedCallRetention}).
     */
    @Query("""
            select c from CallRecord c
            where c.ticketNumber is null and c.startedAt < :before
              and (c.callerPhone is not null or c.recordingFile is not null)
            order by c.startedAt""")
    List<CallRecord> findPersonalWithoutTicketStartedBefore(Instant before, Pageable page);
}
