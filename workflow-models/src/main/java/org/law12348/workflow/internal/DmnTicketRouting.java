package org.law12348.workflow.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.law12348.ticketing.RouteDecision;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketRouting;
import org.law12348.workflow.ProcessKeys;
import org.law12348.workflow.WorkflowProperties;
import org.law12348.workflow.routingadmin.RoutingTableDeployed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Implements ticketing's routing port with the latest deployed version of {@code ticket-routing.dmn},
 * evaluated in memory by Camunda's decision service. Administrators change routing by deploying a
 * new version of the table, never code.
 *
 * <p>Intake asks this for every ticket, and one FEEL evaluation of the table costs milliseconds of CPU
 * (the Scala FEEL engine parses every rule's tests again on each call). The table's answer depends only
 * on the query and the table version, so answers are remembered per version: the newest version's id
 * is looked up at most once per {@code law12348.workflow.version-refresh}, and at once after a deployment
 * on this node.
 */
@Component
class DmnTicketRouting implements TicketRouting {

    /** Regions × business types × kinds × channels stay far below this; it only bounds a runaway. */
    private static final int MAX_REMEMBERED = 100_000;

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final NewestVersions newest;
    private final Map<Remembered, RouteDecision> answers = new ConcurrentHashMap<>();
    /** Per routing table version: its hand-over decision's id, empty for a version deployed without one. */
    private final Map<String, Optional<String>> handOverOf = new ConcurrentHashMap<>();
    private final Map<Remembered, Optional<RouteDecision>> handOvers = new ConcurrentHashMap<>();

    DmnTicketRouting(DecisionService decisions, RepositoryService repository, WorkflowProperties properties) {
        this.decisions = decisions;
        this.repository = repository;
        this.newest = new NewestVersions(properties.versionRefresh().toNanos(), key -> newestId(repository, key));
    }

    @Override
    public RouteDecision decide(RoutingQuery query) {
        String definitionId = newest.idOf(ProcessKeys.ROUTING_DECISION);
        Remembered key = new Remembered(definitionId, query);
        RouteDecision known = answers.get(key);
        if (known != null) {
            return known;
        }
        RouteDecision decided = evaluate(definitionId, query);
        // answers of superseded versions are never asked for again; dropping all now and then frees them
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear();
        }
        answers.put(key, decided);
        return decided;
    }

    /**
     * The hand-over decision deployed with the routing table in force: a table and its hand-over are one
     * version, deployed and rolled back together. A version deployed before the decision existed has none.
     */
    @Override
    public Optional<RouteDecision> handOverTarget(RoutingQuery query) {
        String routingId = newest.idOf(ProcessKeys.ROUTING_DECISION);
        Optional<String> handOverId = handOverOf.computeIfAbsent(routingId, this::handOverDeployedWith);
        if (handOverId.isEmpty()) {
            return Optional.empty();
        }
        Remembered key = new Remembered(handOverId.get(), query);
        Optional<RouteDecision> known = handOvers.get(key);
        if (known == null) {
            DmnDecisionResultEntries result = decisions.evaluateDecisionById(handOverId.get())
                    .variables(inputs(query)).evaluate().getFirstResult();
            known = Optional.ofNullable(result).map(DmnTicketRouting::toHandOver);
            if (handOvers.size() >= MAX_REMEMBERED) {
                handOvers.clear();
            }
            handOvers.put(key, known);
        }
        return known;
    }

    private Optional<String> handOverDeployedWith(String routingId) {
        String deploymentId = repository.getDecisionDefinition(routingId).getDeploymentId();
        return Optional.ofNullable(repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
                .decisionDefinitionKey(ProcessKeys.HANDOVER_DECISION).singleResult()).map(DecisionDefinition::getId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RoutingTableDeployed deployed) {
        newest.forget();
        answers.clear();
        handOvers.clear();
    }

    private RouteDecision evaluate(String definitionId, RoutingQuery query) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionById(definitionId)
                .variables(inputs(query))
                .evaluate()
                .getFirstResult();
        if (result == null) {
            throw new NoRouteException(query);
        }
        return toDecision(result);
    }

    private static String newestId(RepositoryService repository, String key) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("No version of " + key + " is deployed");
        }
        return definition.getId();
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

    static RouteDecision toHandOver(DmnDecisionResultEntries entries) {
        Number hours = entries.getEntry("deadlineHours");
        return new RouteDecision(entries.getEntry("handlingUnit"), RoutingQueue.UNIT, hours.intValue(),
                entries.getEntry("ruleId"));
    }

    private record Remembered(String definitionId, RoutingQuery query) {
    }
}
