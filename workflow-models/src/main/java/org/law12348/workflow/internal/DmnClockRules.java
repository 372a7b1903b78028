package org.law12348.workflow.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.law12348.ticketing.clocks.CalendarRule;
import org.law12348.ticketing.clocks.ClockRule;
import org.law12348.ticketing.clocks.ClockRules;
import org.law12348.ticketing.clocks.PeriodUnit;
import org.law12348.ticketing.clocks.SuspensionRule;
import org.law12348.workflow.ProcessKeys;
import org.law12348.workflow.WorkflowProperties;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Implements ticketing's clock-type port with the newest deployed version of {@code legal-clock-types.dmn},
 * deployed, versioned and evaluated the way the routing table is. Answers are remembered per table version
 * (a clock list reads every clock's rule); a new version is seen after {@code law12348.workflow.version-refresh}.
 */
@Component
class DmnClockRules implements ClockRules {

    /** A table has a dozen types; this only bounds a runaway of mistyped ones. */
    private static final int MAX_REMEMBERED = 10_000;

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final NewestVersions newest;
    private final Map<String, Optional<ClockRule>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<ClockRule>> tables = new ConcurrentHashMap<>();

    DmnClockRules(DecisionService decisions, RepositoryService repository, WorkflowProperties properties) {
        this.decisions = decisions;
        this.repository = repository;
        this.newest = new NewestVersions(properties.versionRefresh().toNanos(), this::newestId);
    }

    @Override
    public Optional<ClockRule> find(String type) {
        String definitionId = newest.idOf(ProcessKeys.CLOCK_TYPES_DECISION);
        // answers of superseded versions (and of mistyped types) are never asked for again
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear();
        }
        return answers.computeIfAbsent(definitionId + "\n" + type, k -> evaluate(definitionId, type));
    }

    @Override
    public List<ClockRule> all() {
        String definitionId = newest.idOf(ProcessKeys.CLOCK_TYPES_DECISION);
        return tables.computeIfAbsent(definitionId, id -> typesIn(repository.getDmnModelInstance(id)).stream()
                .map(type -> evaluate(id, type).orElseThrow()).toList());
    }

    private Optional<ClockRule> evaluate(String definitionId, String type) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionById(definitionId)
                .variables(Variables.createVariables().putValue("clockType", type))
                .evaluate()
                .getFirstResult();
        return Optional.ofNullable(result).map(entries -> toRule(type, entries));
    }

    /** The clock types the table's rows name, in table order: each row's input entry is one string literal. */
    static List<String> typesIn(DmnModelInstance model) {
        return model.getModelElementsByType(Rule.class).stream()
                .map(rule -> rule.getInputEntries().iterator().next().getTextContent().strip())
                .map(text -> text.substring(1, text.length() - 1))
                .toList();
    }

    static ClockRule toRule(String type, DmnDecisionResultEntries entries) {
        Number amount = entries.getEntry("amount");
        String reminders = entries.getEntry("reminderDays");
        List<Integer> days = reminders == null || reminders.isBlank() ? List.of()
                : Arrays.stream(reminders.split(",")).map(String::strip).map(Integer::valueOf).toList();
        // an empty cell gives no entry at all, and tables deployed before the column have none either
        String suggested = entries.containsKey("suggestedFor") ? entries.getEntry("suggestedFor") : null;
        List<String> suggestedFor = suggested == null || suggested.isBlank() ? List.of()
                : Arrays.stream(suggested.split(",")).map(String::strip).toList();
        String citizenQuestion = entries.containsKey("citizenQuestion") ? entries.getEntry("citizenQuestion") : null;
        return new ClockRule(type, entries.getEntry("name"), amount.intValue(),
                PeriodUnit.valueOf(entries.getEntry("unit")),
                CalendarRule.valueOf(entries.getEntry("calendarRule")),
                SuspensionRule.valueOf(entries.getEntry("suspensionRule")),
                entries.getEntry("statute"), days, entries.getEntry("ruleId"), suggestedFor, citizenQuestion);
    }

    private String newestId(String key) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("No version of " + key + " is deployed");
        }
        return definition.getId();
    }
}
