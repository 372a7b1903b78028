package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.TicketIntake;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bulkhead in front of {@link TicketIntake} for the hotline: at most {@code intakeConcurrency}
 * calls take a ticket in at once. A burst of callers (200 leaving messages at the same moment)
 * otherwise takes every pooled connection, and intake's id allocation, which needs a second
 * connection while holding the first, then waits on a pool nobody returns to (seen in the bench as
 * 30-second Hikari timeouts). Callers queue here for a few milliseconds instead.
 */
@Component
public class IntakeGate {

    private static final long MAX_WAIT_SECONDS = 60;

    private final TicketIntake intake;
    private final Semaphore permits;

    IntakeGate(TicketIntake intake, TelephonyProperties properties) {
        this.intake = intake;
        this.permits = new Semaphore(properties.intakeConcurrency(), true);
    }

    public IntakeResult receive(IntakeRequest request) {
        try {
            if (!permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Ticket intake busy for " + MAX_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for ticket intake", e);
        }
        try {
            return intake.receive(request);
        } finally {
            permits.release();
        }
    }
}
