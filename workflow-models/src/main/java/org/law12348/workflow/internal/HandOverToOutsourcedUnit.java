package org.law12348.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.law12348.ticketing.TicketDeadlines;
import org.law12348.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * No volunteer answered within the window: the region's outsourced unit takes the question over.
 * Sets {@code handedOver} (false when an answer came in at the last moment) and the new {@code dueAt}.
 */
@Component("handOverToOutsourcedUnit")
class HandOverToOutsourcedUnit implements JavaDelegate {

    private final TicketDeadlines deadlines;

    HandOverToOutsourcedUnit(TicketDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Instant> dueAt = deadlines.handOverToOutsourcedUnit(execution.getProcessBusinessKey(),
                "志愿者咨询池" + window(execution) + "内无人答复");
        execution.setVariable(ProcessKeys.VAR_HANDED_OVER, dueAt.isPresent());
        dueAt.ifPresent(due -> execution.setVariable(ProcessKeys.VAR_DUE_AT, Date.from(due)));
    }

    private static String window(DelegateExecution execution) {
        Object window = execution.getVariable(ProcessKeys.VAR_ANSWER_WINDOW);
        if ("PT24H".equals(window)) {
            return "24小时";
        }
        return window == null ? "规定时间" : "规定时间（" + window + "）";
    }
}
