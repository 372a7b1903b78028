package org.law12348.miniapp.internal.notify;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

/** Notifications of the mini-program channels, pending and done. */
public interface MiniappNotifications extends JpaRepository<MiniappNotification, Long> {

    @Query("select n from MiniappNotification n where n.status = org.law12348.miniapp.internal.notify."
            + "MiniappNotification.Status.PENDING and n.nextAttemptAt <= :now order by n.nextAttemptAt, n.id")
    List<MiniappNotification> findDue(Instant now, Pageable page);

    List<MiniappNotification> findByTicketNumberOrderById(String ticketNumber);

    /** Takes a due notification for one attempt; 0 when another node took it first. */
    @Modifying
    @Query("update MiniappNotification n set n.nextAttemptAt = :leaseUntil where n.id = :id "
            + "and n.status = org.law12348.miniapp.internal.notify.MiniappNotification.Status.PENDING "
            + "and n.nextAttemptAt = :due")
    int claim(Long id, Instant due, Instant leaseUntil);

    @Modifying
    @Query("update MiniappNotification n set n.status = :status, n.attempts = :attempts, n.nextAttemptAt = :next, "
            + "n.lastError = :error, n.finishedAt = :finishedAt where n.id = :id")
    int record(Long id, MiniappNotification.Status status, int attempts, Instant next, String error, Instant finishedAt);
}
