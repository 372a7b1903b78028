package org.law12348.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Shared set-up of the process tests: a fixed engine clock and stand-ins for the delegates that
 * record which tickets they acted on (the ticketing side of these steps has its own tests).
 */
abstract class ProcessModelTestSupport {

    static final Instant START = Instant.parse("2026-11-28T01:00:00Z");

    final List<String> escalated = new ArrayList<>();
    final List<String> handedOver = new ArrayList<>();
    final List<String> autoClosed = new ArrayList<>();
    boolean answeredMeanwhile;

    /** The engine the Camunda extension injected into the concrete test class. */
    abstract ProcessEngine engine();

    @BeforeEach
    void bindDelegates() {
        BpmnAwareTests.init(engine());
        ClockUtil.setCurrentTime(Date.from(START));
        // the real bean: the models' timers compute their due dates with it
        Mocks.register("processDates", new ProcessDates());
        Mocks.register("escalateOverdueTicket", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
                escalated.add(execution.getProcessBusinessKey()));
        Mocks.register("autoCloseTicket", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
                autoClosed.add(execution.getProcessBusinessKey()));
        Mocks.register("handOverToOutsourcedUnit", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            execution.setVariable("handedOver", !answeredMeanwhile);
            if (!answeredMeanwhile) {
                handedOver.add(execution.getProcessBusinessKey());
                execution.setVariable("dueAt", Date.from(now().plus(Duration.ofHours(48))));
            }
        });
    }

    @AfterEach
    void resetClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    Job timer(String processInstanceId, String activityId) {
        return engine().getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult();
    }
}
