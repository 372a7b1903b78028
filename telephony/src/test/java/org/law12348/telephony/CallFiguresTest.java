package org.law12348.telephony;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.DashboardFigures;
import org.law12348.ticketing.DashboardFigures.Figure;
import org.law12348.ticketing.TicketStatistics;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotline's dashboard figures over a known set of calls on a day no other test uses: calls received
 * in the window and answered, narrowed by the caller's region, and none for a unit handler.
 */
class CallFiguresTest extends HotlineIntegrationTest {

    static final Instant FROM = Instant.parse("2025-03-09T16:00:00Z");
    static final Instant TO = Instant.parse("2025-03-10T16:00:00Z");

    @Autowired CallRecords calls;
    @Autowired List<DashboardFigures> figures;

    @Test
    void countsTheCallsOfThePeriodAndRegionAndNoneForAUnit() {
        recordKnownCalls(calls, "h2");
        assertKnownFigures(callFigures(figures));
    }

    static DashboardFigures callFigures(List<DashboardFigures> all) {
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /**
     * In the window: two calls from 云浮 (one answered, one abandoned in the queue), one from 广州 whose
     * completion arrived without the connect event, one missed in the IVR before the region was known.
     * Outside: one a second before the window, one at its end.
     */
    static void recordKnownCalls(CallRecords calls, String prefix) {
        CallRecord answered = call(prefix + "-1", FROM.plusSeconds(60), "445302");
        answered.chose(BusinessType.MEDIATION, "mediation");
        answered.queued("mediation", FROM.plusSeconds(90));
        answered.connected("SIP/8001", 30, FROM.plusSeconds(120));
        CallRecord abandoned = call(prefix + "-2", FROM.plusSeconds(3600), "445302");
        abandoned.queued("mediation", FROM.plusSeconds(3620));
        abandoned.hungUp(FROM.plusSeconds(3700));
        CallRecord completedOnly = call(prefix + "-3", TO.minusSeconds(1), "440106");
        completedOnly.queued("legal-consultation", TO.minusSeconds(1));
        completedOnly.completed(10, 200, "SIP/8002");
        CallRecord missed = call(prefix + "-4", FROM, null);
        missed.hungUp(FROM.plusSeconds(5));
        CallRecord before = call(prefix + "-5", FROM.minusSeconds(1), "445302");
        before.connected("SIP/8001", 5, FROM.plusSeconds(10));
        CallRecord atTheEnd = call(prefix + "-6", TO, "445302");
        atTheEnd.connected("SIP/8001", 5, TO.plusSeconds(10));
        calls.saveAll(List.of(answered, abandoned, completedOnly, missed, before, atTheEnd));
    }

    static void assertKnownFigures(DashboardFigures calls) {
        assertThat(calls.figures(scope(null, null)))
                .containsExactly(new Figure("来电量", "4"), new Figure("已接通", "2"));
        assertThat(calls.figures(scope("4453", null)))
                .containsExactly(new Figure("来电量", "2"), new Figure("已接通", "1"));
        assertThat(calls.figures(scope("440106", null)))
                .containsExactly(new Figure("来电量", "1"), new Figure("已接通", "1"));
        assertThat(calls.figures(scope("45", null)))
                .containsExactly(new Figure("来电量", "0"), new Figure("已接通", "0"));
        assertThat(calls.figures(scope("4453", "GD-4453-12348"))).isEmpty();
        assertThat(calls.figures(scope(null, "GD-4400-CENTER"))).isEmpty();
    }

    private static TicketStatistics.Scope scope(String regionPrefix, String unitCode) {
        return new TicketStatistics.Scope(FROM, TO, TO, regionPrefix, unitCode);
    }

    private static CallRecord call(String callId, Instant startedAt, String region) {
        CallRecord call = new CallRecord("figures-" + callId, "13912340000", startedAt);
        call.identify("13912340000", region);
        return call;
    }
}
