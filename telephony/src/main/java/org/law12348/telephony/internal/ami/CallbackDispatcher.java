package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.CallbackAttempts;
import org.law12348.telephony.internal.calls.CallbackTask;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Dials due call backs through AMI, only while the line is open: Originate to the agent's phone
 * (Async), and once the agent answers the {@code callback} dialplan context dials the citizen.
 * {@link CallbackLegs} follows both legs and settles each attempt through {@link CallbackAttempts}.
 */
public final class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int BATCH = 10;

    private final AmiConnector ami;
    private final CallbackTasks tasks;
    private final CallbackAttempts attempts;
    private final ServiceHours hours;
    private final TelephonyProperties.Callback settings;
    private final Clock clock;

    public CallbackDispatcher(AmiConnector ami, CallbackTasks tasks, CallbackAttempts attempts, ServiceHours hours,
                              TelephonyProperties.Callback settings, Clock clock) {
        this.ami = ami;
        this.tasks = tasks;
        this.attempts = attempts;
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
    }

    /** Originates every due call back; does nothing outside service hours or without AMI. Returns how many. */
    public synchronized int dispatchDue() {
        attempts.settleOverdue();
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
        CallbackTask task = attempts.startDialing(pending.id(), actionId);
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
                attempts.settle(actionId, false, "交换机拒绝发起呼叫：" + response.getMessage());
            }
        } catch (Exception e) {
            attempts.settle(actionId, false, "无法连接呼叫中心交换机");
        }
    }
}
