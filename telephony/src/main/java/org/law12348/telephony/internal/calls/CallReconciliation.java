package org.law12348.telephony.internal.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Closes calls whose channel the PBX no longer has. Calls are closed by the events of their end (the
 * script's hang-up, AMI Hangup or Cdr); while the application or its AMI connection was down those
 * were lost, and the call stayed {@code IN_IVR} (or queued) forever. Given the PBX's live channels,
 * listed at {@code listedAt}, every call that started before then, has not ended and whose channel is
 * not listed has ended: it is closed as a hang-up (a call still in the IVR becomes a missed call, one
 * in the queue an abandoned one), and a callback its caller asked for becomes due.
 */
@Component
public class CallReconciliation {

    private static final Logger log = LoggerFactory.getLogger(CallReconciliation.class);

    private final CallRecords records;
    private final CallLog calls;
    private final Clock clock;

    CallReconciliation(CallRecords records, CallLog calls, Clock clock) {
        this.records = records;
        this.calls = calls;
        this.clock = clock;
    }

    /** Returns how many calls it closed. */
    public int closeEnded(Set<String> liveChannels, Instant listedAt) {
        List<String> open = records.findCallIdsByEndedAtIsNullAndStartedAtBefore(listedAt);
        Instant now = clock.instant();
        int closed = 0;
        for (String callId : open) {
            if (!liveChannels.contains(callId)) {
                calls.ended(callId, now);
                closed++;
            }
        }
        log.info("Reconciled the call log with the PBX's {} live channels: {} of {} open calls had ended",
                liveChannels.size(), closed, open.size());
        return closed;
    }
}
