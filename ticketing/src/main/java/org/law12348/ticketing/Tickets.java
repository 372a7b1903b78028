package org.law12348.ticketing;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * All tickets. Queries on hot paths are written out in JPQL: Hibernate caches the plan of a query
 * string, while a derived query builds and translates a criteria tree on every call.
 */
public interface Tickets extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    @Query("select t from Ticket t where t.number = :number")
    Optional<Ticket> findByNumber(String number);

    @EntityGraph(attributePaths = "timeline")
    @Query("select t from Ticket t where t.number = :number")
    Optional<Ticket> findWithTimeline(String number);

    /** Loads a ticket for a change, holding its row lock so concurrent changes queue up behind it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.number = :number")
    Optional<Ticket> findForUpdate(String number);

    /**
     * Every ticket whose citizen gave this phone number, oldest first, by the number's blind index
     * ({@code PersonalDataCipher.blindIndex}): the stored number itself is encrypted.
     */
    @Query("select t from Ticket t where t.contact.phoneHash = :hash order by t.createdAt, t.id")
    List<Ticket> findByContactPhoneHash(String hash);

    @Query("select t from Ticket t where t.contact.wechatOpenIdHash = :hash order by t.createdAt, t.id")
    List<Ticket> findByWechatOpenIdHash(String hash);

    @Query("select t from Ticket t where t.contact.alipayUserIdHash = :hash order by t.createdAt, t.id")
    List<Ticket> findByAlipayUserIdHash(String hash);

    /** Per unit, how many tickets still wait for it (routed or in progress): what a deactivation moves. */
    @Query("select t.handlingUnit, count(t) from Ticket t where t.status in :statuses group by t.handlingUnit")
    List<Object[]> countByUnitWithStatusIn(Collection<TicketStatus> statuses);

    /**
     * Locks the next closed tickets past the retention cutoff that still hold personal data. Rows
     * another node holds are skipped, so two nodes running the job at once split the work.
     */
    @Query(value = """
            select number from ticket
            where status = 'CLOSED' and closed_at < :cutoff and anonymised_at is null
            order by closed_at, id limit :limit for update skip locked""", nativeQuery = true)
    List<String> lockDueForAnonymisation(Instant cutoff, int limit);
}
