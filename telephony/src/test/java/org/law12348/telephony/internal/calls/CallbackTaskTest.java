package org.law12348.telephony.internal.calls;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackTaskTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static CallbackTask pending() {
        return new CallbackTask("GD20261130-000001", "1795876397.1", "13800138000", "8001",
                CallbackTask.Reason.CALLER_REQUEST, NOW, "ivr", NOW);
    }

    @Test
    void anonymisingCancelsAPendingCallBackAndDropsTheNumber() {
        CallbackTask task = pending();

        task.anonymise(NOW.plusSeconds(5));

        assertThat(task.phone()).isEmpty();
        assertThat(task.status()).isEqualTo(CallbackTask.Status.FAILED);
        assertThat(task.completedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(task.lastResult()).isEqualTo("工单已匿名化，回拨取消");
    }

    /**
     * Regression: a call back being dialled when its ticket was anonymised stayed DIALING, so the
     * failed OriginateResponse put it back to PENDING and the dispatcher dialled an empty number.
     */
    @Test
    void aCallBackBeingDialledWhenItsTicketIsAnonymisedEndsAndIsNotRetried() {
        CallbackTask task = pending();
        task.dialing("cb-1-1", NOW);

        task.anonymise(NOW.plusSeconds(5));

        assertThat(task.phone()).isEmpty();
        assertThat(task.status()).isEqualTo(CallbackTask.Status.FAILED);
        assertThat(task.lastResult()).isEqualTo("工单已匿名化，回拨取消");
    }

    @Test
    void anonymisingKeepsTheOutcomeOfACallBackAlreadyMade() {
        CallbackTask task = pending();
        task.dialing("cb-1-1", NOW);
        task.connected("坐席与来电人已接通", "11月30日 10:00", NOW.plusSeconds(30));

        task.anonymise(NOW.plusSeconds(60));

        assertThat(task.phone()).isEmpty();
        assertThat(task.status()).isEqualTo(CallbackTask.Status.DONE);
        assertThat(task.completedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(task.lastResult()).isEqualTo("坐席与来电人已接通");
    }
}
