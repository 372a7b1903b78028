package org.law12348.workflow.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.law12348.ticketing.RouteDecision;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketRouting;
import org.law12348.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Implements ticketing's routing port with the latest deployed version of {@code ticket-routing.dmn},
 * evaluated in memory by Camunda's decision service. Administrators change routing by deploying a
 * new version of the table, never code.
 */
@Component
class DmnTicketRouting implements TicketRouting {

    private final DecisionService decisions;

    DmnTicketRouting(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public RouteDecision decide(RoutingQuery query) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ProcessKeys.ROUTING_DECISION)
                .variables(inputs(query))
                .evaluate()
                .getFirstResult();
        if (result == null) {
            throw new NoRouteException(query);
        }
        return toDecision(result);
    }

    /** The table's inputs: the region at three levels, so rules can match county, city or province. */
    static VariableMap inputs(RoutingQuery query) {
        return Variables.createVariables()
                .putValue("regionCode", query.region().value())
                .putValue("cityCode", query.region().cityCode())
                .putValue("provinceCode", query.region().provinceCode())
                .putValue("businessType", query.businessType().name())
                .putValue("kind", query.kind().name())
                .putValue("channel", query.channel().name());
    }

    static RouteDecision toDecision(DmnDecisionResultEntries entries) {
        Number hours = entries.getEntry("deadlineHours");
        return new RouteDecision(entries.getEntry("handlingUnit"),
                RoutingQueue.valueOf(entries.<String>getEntry("queue")),
                hours.intValue(),
                entries.getEntry("ruleId"));
    }
}
