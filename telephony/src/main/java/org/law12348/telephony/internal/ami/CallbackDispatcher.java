package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Dials due call backs through AMI, only while the line is open: Originate to the agent's phone
 * (Async), and once the agent answers the {@code callback} dialplan context dials the citizen.
 * The OriginateResponse event, matched by ActionID, settles the attempt; each outcome is noted on
 * the ticket. A failed attempt is retried after {@code retryDelay}, up to {@code maxAttempts}.
 */
public final class CallbackDispatcher implements ManagerEventListener {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final StaffMember SYSTEM = new StaffMember("12348-callback", StaffRole.ADMIN, null);
    private static final int BATCH = 10;

    private final AmiConnector ami;
    private final CallbackTasks tasks;
    private final TicketService tickets;
    private final ServiceHours hours;
    private final TransactionTemplate transactions;
    private final TelephonyProperties.Callback settings;
    private final Clock clock;

    public CallbackDispatcher(AmiConnector ami, CallbackTasks tasks, TicketService tickets, ServiceHours hours,
                              TransactionTemplate transactions, TelephonyProperties.Callback settings, Clock clock) {
        this.ami = ami;
        this.tasks = tasks;
        this.tickets = tickets;
        this.hours = hours;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Originates every due call back; does nothing outside service hours or without AMI. Returns how many. */
    public synchronized int dispatchDue() {
        Instant now = clock.instant();
        if (!hours.isOpen(now) || !ami.isConnected()) {
            return 0;
        }
        List<CallbackTask> due = tasks.findByStatusAndDueAtLessThanEqualOrderByDueAtAsc(CallbackTask.Status.PENDING,
                now, PageRequest.of(0, BATCH));
        due.forEach(this::originate);
        return due.size();
    }

    private void originate(CallbackTask pending) {
        String actionId = "cb-" + pending.id() + "-" + (pending.attempts() + 1);
        CallbackTask task = transactions.execute(status -> {
            CallbackTask t = tasks.findById(pending.id()).orElseThrow();
            t.dialing(actionId);
            return t;
        });
        OriginateAction action = new OriginateAction();
        action.setActionId(actionId);
        action.setChannel(settings.agentChannel(task.agentExtension()));
        action.setContext(settings.context());
        action.setExten(task.phone());
        action.setPriority(1);
        action.setTimeout(settings.ringTimeout().toMillis());
        action.setCallerId(settings.callerId());
        action.setVariable("CALLBACK_ID", actionId);
        action.setVariable("HOTLINE_TICKET", task.ticketNumber());
        action.setAsync(true);
        log.info("Calling back {} for ticket {} via agent {}", PhoneNumber.mask(task.phone()), task.ticketNumber(),
                task.agentExtension());
        try {
            ManagerResponse response = ami.send(action);
            if (response instanceof ManagerError) {
                settle(actionId, false, "Asterisk 拒绝发起呼叫：" + response.getMessage());
            }
        } catch (Exception e) {
            settle(actionId, false, "无法连接呼叫中心交换机");
        }
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof OriginateResponseEvent e && e.getActionId() != null && e.getActionId().startsWith("cb-")) {
            boolean answered = "Success".equalsIgnoreCase(e.getResponse());
            settle(e.getActionId(), answered, answered ? "坐席已接听，正在接通来电人" : "坐席未接听或呼叫失败（原因码 " + e.getReason() + "）");
        }
    }

    private void settle(String actionId, boolean answered, String result) {
        Instant now = clock.instant();
        CallbackTask task = transactions.execute(status -> {
            CallbackTask t = tasks.findByActionId(actionId).orElse(null);
            if (t == null || t.status() != CallbackTask.Status.DIALING) {
                return null;
            }
            if (answered) {
                t.answered(result, now);
            } else {
                t.failed(result, settings.maxAttempts(), now.plus(settings.retryDelay()), now);
            }
            return t;
        });
        if (task == null) {
            return;
        }
        String note = "回拨第" + task.attempts() + "次：" + result
                + (task.status() == CallbackTask.Status.PENDING ? "，将于稍后重试" : "")
                + (task.status() == CallbackTask.Status.FAILED ? "，已达最大次数，停止回拨" : "");
        tickets.addNote(task.ticketNumber(), note, SYSTEM);
        log.info("Call back {} for ticket {}: {}", actionId, task.ticketNumber(), task.status());
    }
}
