package org.law12348.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "org/law12348/workflow/service-request.bpmn")
class ServiceRequestProcessTest extends ProcessModelTestSupport {

    ProcessEngine engine;

    @Override
    ProcessEngine engine() {
        return engine;
    }

    private static final String TICKET = "GD20261128-000101";

    private ProcessInstance start(Instant dueAt) {
        return engine.getRuntimeService().startProcessInstanceByKey("service-request", TICKET,
                Variables.createVariables().putValue("dueAt", Date.from(dueAt)).putValue("autoCloseAfter", "P7D"));
    }

    private void send(String message) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(TICKET)
                .correlateAllWithResult();
    }

    @Test
    void acceptedAnsweredAndClosedAfterTheQuietPeriod() {
        ProcessInstance pi = start(START.plus(Duration.ofHours(72)));
        assertThat(pi).isWaitingAt("Wait_Accepted");

        send("TicketAccepted");
        assertThat(pi).isWaitingAt("Wait_Answered");
        send("TicketAnswered");
        assertThat(pi).isWaitingAt("Gateway_AfterAnswer");
        assertThat(timer(pi.getId(), "Timer_AutoClose").getDuedate().toInstant())
                .isEqualTo(START.plus(Duration.ofDays(7)));

        execute(timer(pi.getId(), "Timer_AutoClose"));
        assertThat(pi).hasPassed("Task_AutoClose").isEnded();
        assertThat(autoClosed).containsExactly(TICKET);
        assertThat(escalated).isEmpty();
    }

    @Test
    void aFollowUpQuestionWaitsForItsAnswerBeforeTheQuietPeriodRunsAgain() {
        ProcessInstance pi = start(START.plus(Duration.ofHours(72)));
        send("TicketAccepted");
        send("TicketAnswered");

        send("TicketFollowedUp");
        assertThat(pi).isWaitingAt("Wait_FollowUpAnswer");
        assertThat(timer(pi.getId(), "Timer_AutoClose")).isNull();

        send("TicketAnswered");
        assertThat(pi).isWaitingAt("Gateway_AfterAnswer");
        assertThat(timer(pi.getId(), "Timer_AutoClose")).isNotNull();
    }

    @Test
    void escalatesToDispatchersWhenTheUnitMissesItsDeadline() {
        Instant dueAt = START.plus(Duration.ofHours(72));
        ProcessInstance pi = start(dueAt);
        Job deadline = timer(pi.getId(), "Timer_Deadline");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(dueAt);

        execute(deadline);

        assertThat(escalated).containsExactly(TICKET);
        assertThat(pi).hasPassed("Task_EscalateOverdue").isWaitingAt("Wait_Accepted");
    }

    @Test
    void reassignmentRestartsHandlingWithTheNewDeadline() {
        ProcessInstance pi = start(START.plus(Duration.ofHours(72)));
        send("TicketAccepted");
        Instant newDue = START.plus(Duration.ofHours(120));

        engine.getRuntimeService().createMessageCorrelation("TicketReassigned").processInstanceBusinessKey(TICKET)
                .setVariable("dueAt", Date.from(newDue)).correlateAllWithResult();

        assertThat(pi).isWaitingAt("Wait_Accepted");
        assertThat(timer(pi.getId(), "Timer_Deadline").getDuedate().toInstant()).isEqualTo(newDue);
    }

    @Test
    void closingTheTicketEndsTheProcessFromAnyWaitState() {
        ProcessInstance pi = start(START.plus(Duration.ofHours(72)));
        send("TicketAccepted");

        send("TicketClosed");

        assertThat(pi).hasPassed("EndEvent_Closed").isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
