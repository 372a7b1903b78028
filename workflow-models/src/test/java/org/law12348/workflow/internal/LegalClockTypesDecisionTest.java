package org.law12348.workflow.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.law12348.ticketing.clocks.ClockRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of legal-clock-types.dmn has a case in legal-clock-types-cases.csv, and every case holds. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "org/law12348/workflow/legal-clock-types.dmn")
class LegalClockTypesDecisionTest {

    private static final String DMN = "/org/law12348/workflow/legal-clock-types.dmn";
    private static final String CASES = "/legal-clock-types-cases.csv";

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} → {2} {3} ({8})")
    @CsvFileSource(resources = CASES, numLinesToSkip = 1)
    void answersThePeriodOfEachClockType(String type, String name, int amount, String unit, String calendarRule,
                                         String suspensionRule, String statute, String reminderDays, String ruleId) {
        ClockRule rule = DmnClockRules.toRule(type, evaluate(type));

        assertThat(rule.ruleId()).isEqualTo(ruleId);
        assertThat(rule.name()).isEqualTo(name);
        assertThat(rule.amount()).isEqualTo(amount);
        assertThat(rule.unit().name()).isEqualTo(unit);
        assertThat(rule.calendarRule().name()).isEqualTo(calendarRule);
        assertThat(rule.suspensionRule().name()).isEqualTo(suspensionRule);
        assertThat(rule.statute()).isEqualTo(statute);
        assertThat(rule.reminderDays()).containsExactlyElementsOf(
                Arrays.stream(reminderDays.split(",")).map(Integer::valueOf).toList());
    }

    /** Issue 22: what suggests a clock names real categories and business types; labour suggests arbitration. */
    @Test
    void theSuggestionsNameRealCategoriesAndBusinessTypes() throws IOException {
        Set<String> categories = Arrays.stream(org.law12348.ticketing.LegalCategory.values()).map(Enum::name)
                .collect(Collectors.toSet());
        Set<String> businessTypes = Arrays.stream(org.law12348.ticketing.BusinessType.values()).map(Enum::name)
                .collect(Collectors.toSet());
        for (String type : DmnClockRules.typesIn(model())) {
            for (String when : DmnClockRules.toRule(type, evaluate(type)).suggestedFor()) {
                String value = when.substring(when.indexOf(':') + 1);
                if (when.startsWith("category:")) {
                    assertThat(categories).as(type).contains(value);
                } else if (when.startsWith("business:")) {
                    assertThat(businessTypes).as(type).contains(value);
                }
            }
        }
        assertThat(DmnClockRules.toRule("LABOUR_ARBITRATION", evaluate("LABOUR_ARBITRATION")).suggestedFor())
                .containsExactly("category:LABOR");
        assertThat(DmnClockRules.toRule("LEGAL_AID_DECISION", evaluate("LEGAL_AID_DECISION")).suggestedFor())
                .containsExactly("business:LEGAL_AID");
        assertThat(DmnClockRules.toRule("LEGAL_AID_ASSIGNMENT", evaluate("LEGAL_AID_ASSIGNMENT")).suggestedFor()).isEmpty();
    }

    @Test
    void theAskFormAsksTheCitizenOnlyForClocksThatAreSuggestedAndRunFromTheirOwnDay() throws IOException {
        for (String type : DmnClockRules.typesIn(model())) {
            ClockRuleView rule = new ClockRuleView(DmnClockRules.toRule(type, evaluate(type)));
            if (rule.question() != null) {
                assertThat(rule.suggested()).as(type + " asks the citizen but is never suggested").isTrue();
                assertThat(rule.question()).as(type).endsWith("？");
            }
        }
        assertThat(DmnClockRules.toRule("LABOUR_ARBITRATION", evaluate("LABOUR_ARBITRATION")).citizenQuestion())
                .isEqualTo("您是哪天被辞退（或知道权益受损）的？");
        // the centre's own duty runs from the application, which the citizen does not date
        assertThat(DmnClockRules.toRule("LEGAL_AID_DECISION", evaluate("LEGAL_AID_DECISION")).citizenQuestion()).isNull();
    }

    private record ClockRuleView(String question, boolean suggested) {
        ClockRuleView(org.law12348.ticketing.clocks.ClockRule rule) {
            this(rule.citizenQuestion(), !rule.suggestedFor().isEmpty());
        }
    }

    @Test
    void anUnknownTypeMatchesNoRow() {
        assertThat(evaluate("NO_SUCH_CLOCK")).isNull();
    }

    @Test
    void everyRuleRowHasATestCaseAndNamesItsType() throws IOException {
        DmnModelInstance model = model();
        Set<String> ruleIds = model.getModelElementsByType(Rule.class).stream().map(Rule::getId)
                .collect(Collectors.toSet());
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream(CASES)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        Set<String> tested = lines.stream().map(line -> line.substring(line.lastIndexOf(',') + 1)).collect(Collectors.toSet());
        Set<String> testedTypes = lines.stream().map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toSet());

        assertThat(ruleIds).hasSize(11);
        assertThat(tested).containsAll(ruleIds);
        assertThat(DmnClockRules.typesIn(model)).containsExactlyInAnyOrderElementsOf(testedTypes);
    }

    private DmnDecisionResultEntries evaluate(String type) {
        return engine.getDecisionService().evaluateDecisionByKey("legal-clock-types")
                .variables(Variables.createVariables().putValue("clockType", type))
                .evaluate()
                .getFirstResult();
    }

    private DmnModelInstance model() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(DMN)) {
            return Dmn.readModelFromStream(in);
        }
    }
}
