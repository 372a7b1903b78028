package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes call records. The IVR script and the AMI event thread update the same call concurrently,
 * so every change is a short transaction that retries on a lost optimistic lock, and the first
 * writer of a call wins the unique key while the loser applies its change to the winner's row.
 */
@Component
public class CallLog {

    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    private static final int ATTEMPTS = 5;

    private final CallRecords records;
    private final CallbackTasks callbacks;
    private final ServiceHours hours;
    private final Duration afterCallDelay;
    private final TransactionTemplate transactions;

    CallLog(CallRecords records, CallbackTasks callbacks, ServiceHours hours, TelephonyProperties properties,
            TransactionTemplate transactions) {
        this.records = records;
        this.callbacks = callbacks;
        this.hours = hours;
        this.afterCallDelay = properties.callback().afterCallDelay();
        this.transactions = transactions;
    }

    /**
     * The caller's channel is gone (the script hung up or saw the caller hang up, an AMI Hangup or Cdr
     * arrived, or the PBX no longer lists the channel): the call ends, and a callback the caller asked
     * for during it becomes due {@code after-call-delay} later, or at the next opening.
     */
    public void ended(String callId, Instant at) {
        update(callId, c -> c.hungUp(at));
        Instant earliest = at.plus(afterCallDelay);
        Instant due = hours.nextOpening(earliest).orElse(earliest);
        transactions.executeWithoutResult(status -> {
            for (CallbackTask task : callbacks.findByCallIdAndStatus(callId, CallbackTask.Status.AFTER_CALL)) {
                if (task.callEnded(due)) {
                    log.info("Call {} ended; its callback for ticket {} is due {}", callId, task.ticketNumber(), due);
                }
            }
        });
    }

    /** Applies a change to the call, creating its record first when none exists. */
    public void record(String callId, String callerPhone, Instant startedAt, Consumer<CallRecord> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    CallRecord call = records.findByCallId(callId)
                            .orElseGet(() -> records.save(new CallRecord(callId, callerPhone, startedAt)));
                    change.accept(call);
                    records.flush();
                });
                return;
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                log.debug("Call {} changed concurrently, retrying ({})", callId, attempt);
            }
        }
    }

    /** Applies a change to a call already recorded; returns false when the call is unknown. */
    public boolean update(String callId, Consumer<CallRecord> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean found = transactions.execute(status -> {
                    Optional<CallRecord> call = records.findByCallId(callId);
                    call.ifPresent(change);
                    records.flush();
                    return call.isPresent();
                });
                return Boolean.TRUE.equals(found);
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                log.debug("Call {} changed concurrently, retrying ({})", callId, attempt);
            }
        }
    }

    public Optional<CallRecord> find(String callId) {
        return records.findByCallId(callId);
    }
}
