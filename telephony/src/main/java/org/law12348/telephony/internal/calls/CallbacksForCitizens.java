package org.law12348.telephony.internal.calls;

import org.law12348.ticketing.CitizenCallbacks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/** Shows citizens the call backs the hotline owes them on their tickets. */
@Component
class CallbacksForCitizens implements CitizenCallbacks {

    private final CallbackTasks tasks;

    CallbacksForCitizens(CallbackTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Callback> onTickets(Collection<String> ticketNumbers) {
        if (ticketNumbers.isEmpty()) {
            return List.of();
        }
        return tasks.findTop50ByTicketNumberInOrderByDueAtDesc(ticketNumbers).stream()
                .map(t -> new Callback(t.ticketNumber(), t.status().name(), statusName(t.status()), t.dueAt()))
                .toList();
    }

    private static String statusName(CallbackTask.Status status) {
        return switch (status) {
            case AFTER_CALL, PENDING -> "待回拨";
            case DIALING -> "正在回拨";
            case DONE -> "已回拨";
            case HANDED_OVER -> "回拨未接通，工作人员将另行联系";
            case FAILED -> "回拨未接通";
        };
    }
}
