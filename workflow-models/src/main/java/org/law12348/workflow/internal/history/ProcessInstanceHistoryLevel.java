package org.law12348.workflow.internal.history;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

import java.util.Set;

/**
 * Camunda history level {@code process-instance}: the engine records only that a ticket's process
 * started and ended (ACT_HI_PROCINST), not every activity and variable change. What happened to a
 * ticket is already recorded once, in the ticket's own append-only timeline and the audit trail;
 * the built-in {@code audit} level wrote ten more rows per 24-hour hand-over and about a sixth of its
 * CPU went into them (bench/README.md). Ended processes stay findable, which redelivered ticket
 * events rely on (a message for an ended process is ignored, not retried).
 */
public final class ProcessInstanceHistoryLevel implements HistoryLevel {

    public static final String NAME = "process-instance";
    /** Outside Camunda's built-in ids 0-3; stored in ACT_GE_PROPERTY once a database uses it. */
    public static final int ID = 21;

    private static final Set<HistoryEventType> RECORDED = Set.of(HistoryEventTypes.PROCESS_INSTANCE_START,
            HistoryEventTypes.PROCESS_INSTANCE_UPDATE, HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
            HistoryEventTypes.PROCESS_INSTANCE_END);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return RECORDED.contains(eventType);
    }
}
