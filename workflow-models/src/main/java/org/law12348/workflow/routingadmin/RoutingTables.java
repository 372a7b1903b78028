package org.law12348.workflow.routingadmin;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.workflow.ProcessKeys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads a routing table's DMN XML with Camunda's DMN model API into a {@link RoutingTable}. */
public final class RoutingTables {

    private RoutingTables() {
    }

    /** Parses a routing table's DMN XML; unreadable XML is bad input, named in Chinese. */
    public static RoutingTable read(String xml) {
        return of(decisionTable(xml));
    }

    /**
     * The hand-over decision deployed with the routing table ({@code outsourced-handover}); empty for a
     * table written before it existed, which then hands over by ticketing's built-in rule.
     */
    public static Optional<RoutingTable> handOver(String xml) {
        Decision decision = model(xml).getModelElementById(ProcessKeys.HANDOVER_DECISION);
        return decision != null && decision.getExpression() instanceof DecisionTable table
                ? Optional.of(of(table)) : Optional.empty();
    }

    private static RoutingTable of(DecisionTable table) {
        List<RoutingTable.Column> inputs = table.getInputs().stream().map(RoutingTables::column).toList();
        List<RoutingTable.Column> outputs = table.getOutputs().stream().map(RoutingTables::column).toList();
        List<RoutingTable.Rule> rules = table.getRules().stream().map(RoutingTables::rule).toList();
        return new RoutingTable(inputs, outputs, rules);
    }

    /** The decision table of {@code ticket-routing} in the XML; bad input names the reason in Chinese. */
    static DecisionTable decisionTable(String xml) {
        Decision decision = model(xml).getModelElementById(ProcessKeys.ROUTING_DECISION);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            throw new InvalidInputException("xml", "dmn.noRoutingDecision",
                    "DMN中没有编号为 " + ProcessKeys.ROUTING_DECISION + " 的决策表");
        }
        return table;
    }

    private static DmnModelInstance model(String xml) {
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("xml", "dmn.unreadable", "文件不是有效的DMN：" + brief(e));
        }
    }

    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static RoutingTable.Rule rule(Rule r) {
        String description = r.getDescription() == null ? "" : r.getDescription().getTextContent().strip();
        List<String> conditions = r.getInputEntries().stream().map(e -> text(e.getText())).toList();
        List<String> outputs = r.getOutputEntries().stream().map(e -> text(e.getText())).toList();
        return new RoutingTable.Rule(r.getId(), description, conditions, outputs);
    }

    private static String text(org.camunda.bpm.model.dmn.instance.Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
    }

    private static RoutingTable.Column column(Input input) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                : text(input.getInputExpression().getText());
        return new RoutingTable.Column(input.getId(), input.getLabel() != null ? input.getLabel() : expression, expression);
    }

    private static RoutingTable.Column column(Output output) {
        return new RoutingTable.Column(output.getId(), output.getLabel() != null ? output.getLabel() : output.getName(),
                output.getName());
    }
}
