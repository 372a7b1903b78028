package org.law12348.workflow.internal;

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
import org.law12348.workflow.ProcessKeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing table's hand-over decision: every Guangdong city's unanswered questions go to its own
 * outsourced unit, anything else to the province's (what ticketing's built-in rule chose before the
 * decision existed), with 48 hours; every row has a case in outsourced-handover-cases.csv.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "org/law12348/workflow/ticket-routing.dmn")
class OutsourcedHandOverDecisionTest {

    private static final String CASES = "/outsourced-handover-cases.csv";

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} → {1} ({3})")
    @CsvFileSource(resources = CASES, numLinesToSkip = 1)
    void handsOverToTheOutsourcedUnitOfTheCity(String region, String unit, int hours, String ruleId) {
        RoutingQuery query = new RoutingQuery(new RegionCode(region), BusinessType.LEGAL_CONSULTATION,
                TicketKind.CONSULTATION, Channel.WECHAT);
        RouteDecision decision = DmnTicketRouting.toHandOver(engine.getDecisionService()
                .evaluateDecisionByKey(ProcessKeys.HANDOVER_DECISION)
                .variables(DmnTicketRouting.inputs(query))
                .evaluate()
                .getFirstResult());

        assertThat(decision.ruleId()).isEqualTo(ruleId);
        assertThat(decision.handlingUnit()).isEqualTo(unit);
        assertThat(decision.deadlineHours()).isEqualTo(hours);
    }

    @Test
    void everyRowHasACase() throws IOException {
        DmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/org/law12348/workflow/ticket-routing.dmn")) {
            model = Dmn.readModelFromStream(in);
        }
        Decision handOver = model.getModelElementById(ProcessKeys.HANDOVER_DECISION);
        Set<String> rows = ((DecisionTable) handOver.getExpression()).getRules().stream().map(Rule::getId)
                .collect(Collectors.toSet());
        Set<String> tested;
        try (InputStream in = getClass().getResourceAsStream(CASES)) {
            tested = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(line.lastIndexOf(',') + 1)).collect(Collectors.toSet());
        }
        assertThat(rows).hasSize(23);
        assertThat(tested).containsAll(rows);
    }
}
