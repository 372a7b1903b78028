package org.law12348.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.law12348.ticketing.TicketDeadlines;
import org.springframework.stereotype.Component;

/** The handling deadline passed: flag the ticket for dispatchers (if it is still unanswered). */
@Component("escalateOverdueTicket")
class EscalateOverdueTicket implements JavaDelegate {

    private final TicketDeadlines deadlines;

    EscalateOverdueTicket(TicketDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.escalateIfUnanswered(execution.getProcessBusinessKey(), "已超过办理时限仍未答复，提交调度员督办");
    }
}
