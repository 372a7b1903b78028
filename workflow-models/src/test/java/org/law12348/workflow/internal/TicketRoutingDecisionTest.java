package org.law12348.workflow.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.RouteDecision;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.TicketKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of ticket-routing.dmn has a case in ticket-routing-cases.csv, and every case holds. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "org/law12348/workflow/ticket-routing.dmn")
class TicketRoutingDecisionTest {

    private static final String DMN = "/org/law12348/workflow/ticket-routing.dmn";
    private static final String CASES = "/ticket-routing-cases.csv";

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4} ({7})")
    @CsvFileSource(resources = CASES, numLinesToSkip = 1)
    void routesByRegionAndBusinessType(String region, String type, String kind, String channel, String unit,
                                       String queue, int hours, String ruleId) {
        RoutingQuery query = new RoutingQuery(new RegionCode(region), BusinessType.valueOf(type),
                TicketKind.valueOf(kind), Channel.valueOf(channel));
        DmnDecisionResultEntries result = engine.getDecisionService()
                .evaluateDecisionByKey("ticket-routing")
                .variables(DmnTicketRouting.inputs(query))
                .evaluate()
                .getFirstResult();

        RouteDecision decision = DmnTicketRouting.toDecision(result);
        assertThat(decision.ruleId()).isEqualTo(ruleId);
        assertThat(decision.handlingUnit()).isEqualTo(unit);
        assertThat(decision.queue().name()).isEqualTo(queue);
        assertThat(decision.deadlineHours()).isEqualTo(hours);
    }

    @Test
    void everyRuleRowHasATestCase() throws IOException {
        DmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream(DMN)) {
            model = Dmn.readModelFromStream(in);
        }
        // the routing decision's rows; the hand-over decision beside it has its own cases
        Decision routing = model.getModelElementById("ticket-routing");
        Set<String> ruleIds = ((DecisionTable) routing.getExpression()).getRules().stream().map(Rule::getId)
                .collect(Collectors.toSet());
        Set<String> tested;
        try (InputStream in = getClass().getResourceAsStream(CASES)) {
            tested = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(line.lastIndexOf(',') + 1))
                    .collect(Collectors.toSet());
        }
        assertThat(ruleIds).hasSize(69);
        assertThat(tested).containsAll(ruleIds);
    }
}
