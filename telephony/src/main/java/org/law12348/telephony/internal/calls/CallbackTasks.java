package org.law12348.telephony.internal.calls;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Call backs owed to citizens. */
public interface CallbackTasks extends JpaRepository<CallbackTask, Long> {

    List<CallbackTask> findByStatusAndDueAtLessThanEqualOrderByDueAtAsc(CallbackTask.Status status, Instant now,
                                                                         Pageable page);

    Optional<CallbackTask> findByActionId(String actionId);

    List<CallbackTask> findByTicketNumberOrderByCreatedAtDesc(String ticketNumber);

    List<CallbackTask> findByCallIdAndReason(String callId, CallbackTask.Reason reason);

    List<CallbackTask> findByCallIdAndStatus(String callId, CallbackTask.Status status);

    /** Attempts still dialling that were started before {@code cutoff}: their outcome never came. */
    List<CallbackTask> findByStatusAndDialedAtBefore(CallbackTask.Status status, Instant cutoff);

    /** The newest tasks in one state since {@code since}, for the dispatchers' list. */
    List<CallbackTask> findByStatusAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(CallbackTask.Status status,
                                                                                   Instant since, Pageable page);

    /** Call backs to one number, by the number's blind index. */
    /** Callbacks in any of the given states booked since {@code since}, newest first (the dispatchers' list). */
    List<CallbackTask> findByStatusInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
            java.util.Collection<CallbackTask.Status> statuses, Instant since, org.springframework.data.domain.Pageable page);

    List<CallbackTask> findByPhoneHash(String phoneHash);

    List<CallbackTask> findTop50ByTicketNumberInOrderByDueAtDesc(java.util.Collection<String> ticketNumbers);
}
