package org.law12348.ticketing;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;
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

    @Query("select t from Ticket t where t.channel = :channel and t.channelRef = :channelRef")
    Optional<Ticket> findByChannelAndChannelRef(Channel channel, String channelRef);
}
