package org.law12348.ticketing;

import java.time.Duration;

/**
 * The hand-over port: how long a question waits in the volunteer pool before the outsourced unit
 * takes it over. The workflow module owns the timer and implements this from its own setting
 * ({@code law12348.workflow.answer-window}), so the queue shows the instant the timer fires without
 * ticketing knowing about processes.
 */
public interface PoolAnswerWindow {

    Duration length();
}
