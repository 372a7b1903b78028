package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.ticketing.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * How each callback attempt goes, free of AMI types. An attempt is done only when agent and citizen
 * were both connected; one that is not is tried again with back-off ({@code retry-delay}, doubled each
 * time) at the next moment the line is open, and after {@code max-attempts} it is handed over to the
 * dispatchers with the history of every attempt on the ticket's timeline.
 */
@Component
public class CallbackAttempts {

    private static final Logger log = LoggerFactory.getLogger(CallbackAttempts.class);
    /** How the call-back dialler signs what it writes on tickets. */
    private static final String SYSTEM = "12348-callback";
    private static final int MAX_NOTE = 1900;

    private final CallbackTasks tasks;
    private final TicketService tickets;
    private final ServiceHours hours;
    private final TransactionTemplate transactions;
    private final TelephonyProperties.Callback settings;
    private final DateTimeFormatter localTime;
    private final Clock clock;

    CallbackAttempts(CallbackTasks tasks, TicketService tickets, ServiceHours hours, TransactionTemplate transactions,
                     TelephonyProperties properties, Clock clock) {
        this.tasks = tasks;
        this.tickets = tickets;
        this.hours = hours;
        this.transactions = transactions;
        this.settings = properties.callback();
        this.localTime = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(properties.hours().zone());
        this.clock = clock;
    }

    /** Claims a pending task for one originate; returns it as claimed. */
    public CallbackTask startDialing(long taskId, String actionId) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            CallbackTask task = tasks.findById(taskId).orElseThrow();
            task.dialing(actionId, now);
            return task;
        });
    }

    /** The agent's leg answered; returns false when the attempt is no longer dialling. */
    public boolean agentAnswered(String actionId, String agentChannelId) {
        return Boolean.TRUE.equals(transactions.execute(status -> tasks.findByActionId(actionId)
                .filter(t -> t.status() == CallbackTask.Status.DIALING)
                .map(t -> {
                    t.agentAnswered(agentChannelId);
                    return true;
                }).orElse(false)));
    }

    /** Ends the attempt {@code actionId}: done when both legs {@code connected}, else retry or hand over. */
    public void settle(String actionId, boolean connected, String result) {
        Instant now = clock.instant();
        CallbackTask task = transactions.execute(status -> {
            CallbackTask t = tasks.findByActionId(actionId).orElse(null);
            if (t == null || t.status() != CallbackTask.Status.DIALING) {
                return null;
            }
            if (connected) {
                t.connected(result, localTime.format(now), now);
            } else {
                t.failed(result, localTime.format(now), settings.maxAttempts(), retryAt(t.attempts(), now), now);
            }
            return t;
        });
        if (task != null) {
            tickets.addSystemNote(task.ticketNumber(), note(task, result), SYSTEM);
            log.info("Call back {} for ticket {}: {}", actionId, task.ticketNumber(), task.status());
        }
    }

    /** Attempts whose outcome never came (events lost with the AMI connection) count as failed. */
    public void settleOverdue() {
        Instant cutoff = clock.instant().minus(settings.ringTimeout().multipliedBy(2)).minus(Duration.ofMinutes(2));
        for (CallbackTask task : tasks.findByStatusAndDialedAtBefore(CallbackTask.Status.DIALING, cutoff)) {
            settle(task.actionId(), false, "未收到呼叫结果");
        }
    }

    /** {@code retry-delay} doubled for every failed attempt, moved into service hours. */
    Instant retryAt(int failedAttempts, Instant now) {
        Instant earliest = now.plus(settings.retryDelay().multipliedBy(1L << Math.min(failedAttempts - 1, 10)));
        return hours.nextOpening(earliest).orElse(earliest);
    }

    private String note(CallbackTask task, String result) {
        String text = switch (task.status()) {
            case DONE -> "回拨第" + task.attempts() + "次：" + result + "，回拨完成";
            case PENDING -> "回拨第" + task.attempts() + "次：" + result + "，将于" + localTime.format(task.dueAt())
                    + "再次回拨";
            case HANDED_OVER -> "回拨" + task.attempts() + "次均未接通，已转调度员人工处理。经过：\n" + task.history();
            default -> "回拨第" + task.attempts() + "次：" + result;
        };
        return text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE);
    }
}
