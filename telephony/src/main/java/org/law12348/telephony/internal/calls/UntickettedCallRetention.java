package org.law12348.telephony.internal.calls;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.retention.RetentionParticipant;
import org.law12348.ticketing.retention.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * The retention of calls no ticket names (missed calls, abandoned ones, a message too short to become
 * a ticket): their caller's number and recording go once the call is older than the tickets' retention
 * period, as they would have with a ticket. A call with a ticket loses them with its ticket
 * ({@link CallDataEraser}). The call's facts stay for the figures. Runs in every retention run, in
 * batches; a recording that cannot be deleted fails its batch, so the next run tries again.
 */
@Component
class UntickettedCallRetention implements RetentionParticipant {

    private static final Logger log = LoggerFactory.getLogger(UntickettedCallRetention.class);
    private static final int BATCH = 200;

    private final CallRecords records;
    private final CallDataEraser eraser;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Period period;
    private final ZoneId zone;
    private final Clock clock;

    UntickettedCallRetention(CallRecords records, CallDataEraser eraser, TransactionTemplate transactions,
                             AuditTrail audit, RetentionProperties retention, TelephonyProperties properties,
                             Clock clock) {
        this.records = records;
        this.eraser = eraser;
        this.transactions = transactions;
        this.audit = audit;
        this.period = retention.period();
        this.zone = properties.hours().zone();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "telephony.callsWithoutTicket";
    }

    @Override
    public String description() {
        return "无工单来电的号码与录音";
    }

    @Override
    public int deleteDue(String actor) {
        Instant cutoff = clock.instant().atZone(zone).minus(period).toInstant();
        int total = 0;
        int cleared;
        do {
            cleared = transactions.execute(tx -> clearBatch(cutoff));
            total += cleared;
        } while (cleared == BATCH);
        int count = total;
        transactions.executeWithoutResult(tx -> audit.change(actor, AuditAction.RETENTION_RUN, AuditSubject.none(),
                "截止" + cutoff + "无工单来电的号码与录音，清除" + count + "通"));
        log.info("Cleared number and recording of {} calls without a ticket started before {}", total, cutoff);
        return total;
    }

    private int clearBatch(Instant cutoff) {
        List<CallRecord> due = records.findPersonalWithoutTicketStartedBefore(cutoff, PageRequest.of(0, BATCH));
        for (CallRecord call : due) {
            String recording = call.anonymise();
            if (recording != null) {
                eraser.delete(recording, "call " + call.callId());
            }
        }
        return due.size();
    }
}
