package org.law12348.telephony;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;

/** {@link CallbackBookingScenario} on the embedded default's database (H2, lock timeout 2 s). */
class CallbackBookingTest extends HotlineIntegrationTest {

    /** H2 names the session a waiting one waits for. */
    static final String H2_BLOCKED = "select count(*) from information_schema.sessions where blocker_id is not null";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired TicketIntake intake;

    @Test
    void aCallbackBookedWhileTheRelayHoldsTheTicketCommitsWholeAndOnce() throws Exception {
        new CallbackBookingScenario(mvc, jdbc, dataSource, intake).bookingWaitsForTheRelaysLockAndARetryBooksNothingNew(H2_BLOCKED);
    }

    @Test
    void aCallbackThatCannotGetTheTicketsLockLeavesNeitherTaskNorNote() throws Exception {
        new CallbackBookingScenario(mvc, jdbc, dataSource, intake).aBookingThatCannotGetTheLockLeavesNothingBehind();
    }
}
