package org.law12348.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.law12348.ticketing.TicketDeadlines;
import org.springframework.stereotype.Component;

/** The quiet period after the answer passed: close the ticket (if it is still only answered). */
@Component("autoCloseTicket")
class AutoCloseTicket implements JavaDelegate {

    private final TicketDeadlines deadlines;

    AutoCloseTicket(TicketDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.closeAfterQuietPeriod(execution.getProcessBusinessKey());
    }
}
