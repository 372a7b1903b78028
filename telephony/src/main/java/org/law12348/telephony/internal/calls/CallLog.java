package org.law12348.telephony.internal.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    CallLog(CallRecords records, TransactionTemplate transactions) {
        this.records = records;
        this.transactions = transactions;
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
