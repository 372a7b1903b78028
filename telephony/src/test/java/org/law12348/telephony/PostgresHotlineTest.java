package org.law12348.telephony;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.law12348.testsupport.PostgresDatabase;
import org.law12348.ticketing.DashboardFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The same migrations, intake and queries on PostgreSQL 15 at 127.0.0.1:5432, in a database of its own.
 * Skips only when PostgreSQL is absent and CI is unset.
 */
@SpringBootTest(classes = TelephonyTestApp.class)
@AutoConfigureMockMvc
class PostgresHotlineTest {

    private static String databaseUrl;
    static final int AGI_PORT = HotlineIntegrationTest.freePort();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        databaseUrl = PostgresDatabase.register(registry, "telephony");
        registry.add("law12348.telephony.fastagi.port", () -> AGI_PORT);
    }

    @AfterAll
    static void dropDatabase() {
        PostgresDatabase.drop(databaseUrl);
    }

    @Autowired MutableClock clock;
    @Autowired CallRecords calls;
    @Autowired MockMvc mvc;
    @Autowired List<DashboardFigures> figures;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.law12348.ticketing.TicketIntake intake;

    @Test
    void countsTheDashboardsCallFiguresOnPostgres() {
        CallFiguresTest.recordKnownCalls(calls, "pg");
        CallFiguresTest.assertKnownFigures(CallFiguresTest.callFigures(figures));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void takesAnAfterHoursMessageInAndListsItOnPostgres() throws Exception {
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795900000.1", "13800138000").keys("5"));

        String ticket = calls.findByCallId("1795900000.1").orElseThrow().ticketNumber();
        assertThat(ticket).startsWith("GD20261130-");
        mvc.perform(get("/api/v1/staff/calls").param("from", "2026-11-30T00:00:00Z").param("to", "2026-12-01T00:00:00Z")
                        .param("outcome", "MESSAGE_LEFT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].ticketNumber").value(ticket));
        mvc.perform(get("/api/v1/staff/calls"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/staff/callers/13800138000/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openTickets[0].number").value(ticket))
                .andExpect(jsonPath("$.openTickets[0].businessType").value("COMPLAINT"));
    }

    @Test
    void aCallbackBookedWhileTheRelayHoldsTheTicketCommitsWholeAndOnceOnPostgres() throws Exception {
        new CallbackBookingScenario(mvc, jdbc, dataSource, intake).bookingWaitsForTheRelaysLockAndARetryBooksNothingNew(
                "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                        + "where not l.granted and a.datname = current_database()");
    }
}
