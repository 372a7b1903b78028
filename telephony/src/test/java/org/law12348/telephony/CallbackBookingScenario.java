package org.law12348.telephony;

import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 17, hotline item 11: booking a callback on a ticket just created answered 503 after H2's
 * "Timeout trying to lock table TICKET", yet the callback was saved and dialled while its timeline note
 * was lost, so a staff member who retried booked a second call. The lock was the outbox relay's: it
 * delivers TicketCreated under the ticket's row lock ({@code select id from ticket where number = ? for
 * update}, OutboxRelay.lockTicket), and the process engine's first start of a ticket's process took
 * 2.5 s on a cold H2, past H2's 2 s lock timeout. The scenario holds that same lock from a connection
 * of its own, as the relay does, and runs on H2 and on PostgreSQL.
 */
final class CallbackBookingScenario {

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TicketIntake intake;

    CallbackBookingScenario(MockMvc mvc, JdbcTemplate jdbc, DataSource dataSource, TicketIntake intake) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.intake = intake;
    }

    String newTicket(String ref) {
        return intake.receive(IntakeRequest.fromWeb(ref, "LEGAL_AID", "440106", "公司拖欠我三个月工资，想申请法律援助。")
                .withPhone("13800138000")).ticketNumber();
    }

    /** The booking waits for the relay's lock, then commits task and note together; a retry books nothing new. */
    void bookingWaitsForTheRelaysLockAndARetryBooksNothingNew(String blockedSessionsSql) throws Exception {
        String ticket = newTicket("booking-waits-" + System.nanoTime());
        ExecutorService staff = Executors.newSingleThreadExecutor();
        try (Connection relay = lock(ticket)) {
            Future<MvcResult> booking = staff.submit(() -> book(ticket));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(blockedSessionsSql, Integer.class) > 0);
            relay.commit(); // the process started: the relay's transaction ends
            assertThat(booking.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(202);
        } finally {
            staff.shutdownNow();
        }
        long booked = tasks(ticket);
        assertThat(booked).isEqualTo(1);
        assertThat(notes(ticket)).isEqualTo(1);

        MvcResult retried = book(ticket);

        assertThat(retried.getResponse().getStatus()).isEqualTo(202);
        assertThat(retried.getResponse().getContentAsString()).contains("\"id\":" + taskId(ticket));
        assertThat(tasks(ticket)).isEqualTo(1);
        assertThat(notes(ticket)).isEqualTo(1);
    }

    /** A booking that cannot get the lock in time answers 503 and leaves nothing behind. */
    void aBookingThatCannotGetTheLockLeavesNothingBehind() throws Exception {
        String ticket = newTicket("booking-gives-up-" + System.nanoTime());
        MvcResult refused;
        try (Connection relay = lock(ticket)) {
            refused = book(ticket);
            relay.commit();
        }

        assertThat(refused.getResponse().getStatus()).isEqualTo(503);
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
        assertThat(tasks(ticket)).isZero();
        assertThat(notes(ticket)).isZero();
        assertThat(book(ticket).getResponse().getStatus()).isEqualTo(202);
        assertThat(tasks(ticket)).isEqualTo(1);
        assertThat(notes(ticket)).isEqualTo(1);
    }

    private MvcResult book(String ticket) throws Exception {
        return mvc.perform(post("/api/v1/staff/tickets/" + ticket + "/callback").with(csrf())
                .with(user("dispatcher1").roles("DISPATCHER"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
    }

    /** What the outbox relay holds while the ticket's process starts. */
    private Connection lock(String ticket) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("select id from ticket where number = ? for update")) {
            select.setString(1, ticket);
            select.executeQuery().close();
        }
        return connection;
    }

    private long tasks(String ticket) {
        return jdbc.queryForObject("select count(*) from callback_task where ticket_number = ?", Long.class, ticket);
    }

    private long taskId(String ticket) {
        return jdbc.queryForObject("select id from callback_task where ticket_number = ?", Long.class, ticket);
    }

    private long notes(String ticket) {
        return jdbc.queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ? and e.text like '已安排回拨%'", Long.class, ticket);
    }
}
