package org.law12348.workflow.internal;

import org.law12348.ticketing.PoolAnswerWindow;
import org.law12348.workflow.WorkflowProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The answer window the consultation's hand-over timer is started with (see TicketProcesses), so
 * the queue's countdown and the timer read one setting.
 */
@Component
class ConfiguredPoolAnswerWindow implements PoolAnswerWindow {

    private final Duration length;

    ConfiguredPoolAnswerWindow(WorkflowProperties properties) {
        this.length = properties.answerWindow();
    }

    @Override
    public Duration length() {
        return length;
    }
}
