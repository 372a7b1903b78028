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
@Deployment(resources = "org/law12348/workflow/consultation.bpmn")
class ConsultationProcessTest extends ProcessModelTestSupport {

    ProcessEngine engine;

    @Override
    ProcessEngine engine() {
        return engine;
    }

    private static final String TICKET = "GD20261128-000202";

    private ProcessInstance ask() {
        return engine.getRuntimeService().startProcessInstanceByKey("consultation", TICKET,
                Variables.createVariables()
                        .putValue("dueAt", Date.from(START.plus(Duration.ofHours(24))))
                        .putValue("answerWindow", "PT24H")
                        .putValue("autoCloseAfter", "P7D"));
    }

    private void send(String message) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(TICKET)
                .correlateAllWithResult();
    }

    @Test
    void aQuestionAnsweredInThePoolWaitsForTheQuietPeriod() {
        ProcessInstance pi = ask();
        assertThat(pi).isWaitingAt("Wait_PoolAnswer");

        send("TicketAnswered");

        assertThat(pi).isWaitingAt("Gateway_AfterAnswer");
        assertThat(handedOver).isEmpty();
    }

    @Test
    void reassignsUnansweredQuestionToTheOutsourcedUnitAfter24Hours() {
        ProcessInstance pi = ask();
        Job unanswered = timer(pi.getId(), "Timer_Unanswered24h");
        assertThat(unanswered.getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofHours(24)));

        moveClockTo(START.plus(Duration.ofHours(24)));
        execute(unanswered);

        assertThat(handedOver).containsExactly(TICKET);
        assertThat(pi).hasPassed("Task_HandOver").isWaitingAt("Wait_UnitAnswer");
        assertThat(timer(pi.getId(), "Timer_UnitDeadline").getDuedate().toInstant())
                .isEqualTo(START.plus(Duration.ofHours(24 + 48)));
    }

    @Test
    void escalatesWhenTheOutsourcedUnitMissesItsDeadlineToo() {
        ProcessInstance pi = ask();
        execute(timer(pi.getId(), "Timer_Unanswered24h"));

        execute(timer(pi.getId(), "Timer_UnitDeadline"));

        assertThat(escalated).containsExactly(TICKET);
        assertThat(pi).isWaitingAt("Wait_UnitAnswer");
        send("TicketAnswered");
        assertThat(pi).isWaitingAt("Gateway_AfterAnswer");
    }

    @Test
    void anAnswerThatBeatsTheTimerByMomentsIsNotHandedOver() {
        ProcessInstance pi = ask();
        answeredMeanwhile = true;

        execute(timer(pi.getId(), "Timer_Unanswered24h"));

        assertThat(handedOver).isEmpty();
        assertThat(pi).hasPassed("Gateway_HandedOver").isWaitingAt("Gateway_AfterAnswer");
    }

    @Test
    void aDispatcherCanTakeAQuestionOutOfThePool() {
        ProcessInstance pi = ask();

        engine.getRuntimeService().createMessageCorrelation("TicketReassigned").processInstanceBusinessKey(TICKET)
                .setVariable("dueAt", Date.from(START.plus(Duration.ofHours(120)))).correlateAllWithResult();

        assertThat(pi).isWaitingAt("Wait_UnitAnswer");
        assertThat(timer(pi.getId(), "Timer_Unanswered24h")).isNull();
    }

    @Test
    void closingEndsTheConsultation() {
        ProcessInstance pi = ask();
        send("TicketClosed");
        assertThat(pi).isEnded();
    }
}
