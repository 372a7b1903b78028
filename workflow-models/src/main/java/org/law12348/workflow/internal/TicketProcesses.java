package org.law12348.workflow.internal;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketEvent;
import org.law12348.workflow.ProcessKeys;
import org.law12348.workflow.WorkflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Turns ticket events into process instances and messages. Runs inside the outbox relay's
 * transaction, so a failure here leaves the event to be delivered again. Every step is idempotent
 * and keyed by the ticket number (the business key).
 */
@Component
class TicketProcesses {

    private static final Logger log = LoggerFactory.getLogger(TicketProcesses.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final WorkflowProperties properties;
    private final NewestVersions newest;

    TicketProcesses(RuntimeService runtime, HistoryService history, RepositoryService repository,
                    WorkflowProperties properties) {
        this.runtime = runtime;
        this.history = history;
        this.properties = properties;
        this.newest = new NewestVersions(properties.versionRefresh().toNanos(), key -> newestId(repository, key));
    }

    /**
     * The outbox relay claims the event and runs this in one transaction with the engine's inserts, so
     * an event whose process started is never delivered again: no look-up for an earlier start needed.
     */
    @EventListener
    void on(TicketEvent.TicketCreated created) {
        String number = created.ticketNumber();
        String key = created.queue() == RoutingQueue.VOLUNTEER_POOL ? ProcessKeys.CONSULTATION
                : ProcessKeys.SERVICE_REQUEST;
        VariableMap variables = Variables.createVariables()
                .putValue(ProcessKeys.VAR_DUE_AT, Date.from(created.dueAt()))
                .putValue(ProcessKeys.VAR_ANSWER_WINDOW, properties.answerWindow().toString())
                .putValue(ProcessKeys.VAR_AUTO_CLOSE_AFTER, properties.autoCloseAfter().toString());
        runtime.startProcessInstanceById(newest.idOf(key), number, variables);
        log.info("Started {} for ticket {}", key, number);
    }

    @EventListener
    void on(TicketEvent.TicketAccepted accepted) {
        correlate(ProcessKeys.MESSAGE_ACCEPTED, accepted.ticketNumber(), Variables.createVariables());
    }

    @EventListener
    void on(TicketEvent.TicketAnswered answered) {
        correlate(ProcessKeys.MESSAGE_ANSWERED, answered.ticketNumber(), Variables.createVariables());
    }

    @EventListener
    void on(TicketEvent.TicketReassigned reassigned) {
        correlate(ProcessKeys.MESSAGE_REASSIGNED, reassigned.ticketNumber(),
                Variables.createVariables().putValue(ProcessKeys.VAR_DUE_AT, Date.from(reassigned.dueAt())));
    }

    @EventListener
    void on(TicketEvent.TicketFollowedUp followedUp) {
        correlate(ProcessKeys.MESSAGE_FOLLOWED_UP, followedUp.ticketNumber(), Variables.createVariables());
    }

    @EventListener
    void on(TicketEvent.TicketClosed closed) {
        correlate(ProcessKeys.MESSAGE_CLOSED, closed.ticketNumber(), Variables.createVariables());
    }

    /**
     * Delivers a message to the ticket's process if it is waiting for it. A process that is not
     * waiting (it moved on, or already ended) simply ignores it; a process that does not exist yet
     * means its start event is still on its way, so the delivery fails and the outbox retries.
     */
    private void correlate(String message, String number, VariableMap variables) {
        int delivered = runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(number)
                .setVariables(variables)
                .correlateAllWithResult()
                .size();
        if (delivered == 0 && !processExists(number)) {
            throw new IllegalStateException("No process for ticket " + number + " yet; " + message + " will be retried");
        }
        log.debug("{} for ticket {} reached {} waiting executions", message, number, delivered);
    }

    private static String newestId(RepositoryService repository, String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("No version of process " + key + " is deployed");
        }
        return definition.getId();
    }

    private boolean processExists(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count() > 0
                || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count() > 0;
    }
}
