package org.law12348.ticketing.clocks;

import org.law12348.ticketing.CitizenNotifications;
import org.law12348.ticketing.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Reminds of legal clocks before their due date, at the offsets of the clock-type table (30, 7 and 1
 * days by default), exactly once per clock, due date and offset: the reminder's row in
 * {@code legal_clock_reminder} and its entry on the ticket's timeline commit together, and the row's
 * primary key lets only one node (or run) commit it. When several offsets have been reached since the
 * last run (a clock added five days before its due date), only the nearest one is sent.
 *
 * <p>The reminder reaches the staff on the ticket's timeline and, in the same transaction, is queued for
 * the citizen through the channel they came by ({@link CitizenNotifications#remindOfLegalClock}: WeChat
 * subscribe message, Alipay template message, or SMS for the hotline and the web, where that channel
 * has a reminder template configured).
 */
@Component
public class ClockReminders {

    private static final Logger log = LoggerFactory.getLogger(ClockReminders.class);

    private final JdbcTemplate jdbc;
    private final Tickets tickets;
    private final ClockRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final LegalClockService service;
    private final CitizenNotifications citizens;

    ClockReminders(JdbcTemplate jdbc, Tickets tickets, ClockRules rules, PlatformTransactionManager transactions,
                   LegalClockService service, CitizenNotifications citizens, Clock clock) {
        this.citizens = citizens;
        this.service = service;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.rules = rules;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A new release may ship a new holiday file: the stored due dates, which reminders follow, are
     * computed again once at start. (Reads always compute afresh.)
     */
    @EventListener(ApplicationReadyEvent.class)
    void refreshAtStart() {
        try {
            int changed = service.refreshDueDates();
            if (changed > 0) {
                log.info("Corrected {} stored legal clock due dates", changed);
            }
        } catch (DataAccessException e) {
            // a database down at start must not keep the node down: reads compute afresh anyway
            log.warn("Stored legal clock due dates not checked at start: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${law12348.ticketing.clock-reminder-interval:PT15M}",
            initialDelayString = "${law12348.ticketing.clock-reminder-interval:PT15M}")
    void remindNow() {
        // the queue's sort key of a ticket whose nearest deadline passed moves on to its next one
        service.moveOnPassedDeadlines();
        int sent = remind(LocalDate.now(clock.withZone(ClockZone.CHINA)));
        if (sent > 0) {
            log.info("Sent {} legal clock reminders", sent);
        }
    }

    /** Sends the reminders due on {@code today} that no node has sent; answers how many this call sent. */
    public int remind(LocalDate today) {
        int furthest = rules.all().stream().flatMap(r -> r.reminderDays().stream()).max(Integer::compare).orElse(0);
        List<DueClock> due = jdbc.query("select c.id, c.clock_type, c.due_date, t.number from legal_clock c"
                        + " join ticket t on t.id = c.ticket_id where c.due_date >= ? and c.due_date <= ? order by c.due_date, c.id",
                (rs, i) -> new DueClock(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)),
                Date.valueOf(today), Date.valueOf(today.plusDays(furthest)));
        int sent = 0;
        for (DueClock c : due) {
            Optional<ClockRule> rule = rules.find(c.type());
            Optional<Integer> offset = rule.flatMap(r -> nearestReached(r, c.dueDate(), today));
            if (offset.isPresent() && send(c, rule.get(), offset.get(), today)) {
                sent++;
            }
        }
        return sent;
    }

    private static Optional<Integer> nearestReached(ClockRule rule, LocalDate due, LocalDate today) {
        return rule.reminderDays().stream().filter(days -> !today.isBefore(due.minusDays(days))).min(Integer::compare);
    }

    private boolean send(DueClock c, ClockRule rule, int offset, LocalDate today) {
        String text = "法律期限提醒（截止前" + offset + "天）：" + rule.name() + "于" + ClockTexts.date(c.dueDate())
                + "截止，还剩" + ChronoUnit.DAYS.between(today, c.dueDate()) + "天，请及时告知市民";
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("insert into legal_clock_reminder (clock_id, due_date, offset_days, sent_at) values (?, ?, ?, ?)",
                        c.id(), Date.valueOf(c.dueDate()), offset, Timestamp.from(clock.instant()));
                tickets.findForUpdate(c.ticketNumber()).ifPresent(t -> {
                    t.recordNotification(text, clock.instant());
                    citizens.remindOfLegalClock(c.ticketNumber(), rule.name() + "：" + ClockTexts.date(c.dueDate())
                            + "截止，还剩" + ChronoUnit.DAYS.between(today, c.dueDate()) + "天");
                });
            });
            return true;
        } catch (DuplicateKeyException sentAlready) {
            return false;
        } catch (DataAccessException e) {
            // another node holding the same reminder row, or a passing outage: the next run tries again
            log.warn("Legal clock reminder {} of ticket {} not sent now: {}", c.id(), c.ticketNumber(), e.getMessage());
            return false;
        }
    }

    private record DueClock(long id, String type, LocalDate dueDate, String ticketNumber) {
    }
}
