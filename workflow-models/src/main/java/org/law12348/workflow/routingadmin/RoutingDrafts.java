package org.law12348.workflow.routingadmin;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.RoutingHistory;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.workflow.ProcessKeys;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a draft routing table before it goes live: it must parse, route every business type
 * everywhere, and name only existing active units ({@link DraftRules}); and it can be replayed
 * against the tickets of the last days, evaluated in memory by Camunda's DMN engine,
 * to show how many would route differently from the table in force, where from and to, with names.
 */
@Service
public class RoutingDrafts {

    static final int MAX_DAYS = 90;
    static final int MAX_REPLAYED = 100_000;
    /** Enough ticket numbers and regions per move to recognise it, few enough to read. */
    private static final int EXAMPLES = 5;

    private final DmnEngine dmnEngine;
    private final FeelEngine feel;
    private final RepositoryService repository;
    private final DraftRules rules;
    private final HandOverRules handOverRules;
    private final RoutingHistory history;
    private final RoutingNames names;
    private final Clock clock;

    RoutingDrafts(ProcessEngine engine, DraftRules rules, HandOverRules handOverRules, RoutingHistory history,
                  RoutingNames names, Clock clock) {
        // A standalone engine for drafts: the process engine's own one parses only inside a deployment.
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        this.dmnEngine = configuration.buildEngine();
        this.feel = configuration.getFeelEngine();
        this.repository = engine.getRepositoryService();
        this.rules = rules;
        this.handOverRules = handOverRules;
        this.history = history;
        this.names = names;
        this.clock = clock;
    }

    /**
     * The problems that forbid deploying this draft; empty when it may go live. A draft without the
     * hand-over decision may go live: questions the pool leaves unanswered then go by ticketing's built-in
     * rule, as they did before the decision existed.
     */
    public List<DraftReport.DraftProblem> validate(String xml) {
        RoutingTable table = RoutingTables.read(xml);
        DmnDecision decision = parse(xml, ProcessKeys.ROUTING_DECISION);
        List<DraftReport.DraftProblem> problems = new ArrayList<>(rules.check(table, feel, q -> evaluate(decision, q)));
        RoutingTables.handOver(xml).ifPresent(handOver -> {
            DmnDecision parsed = parse(xml, ProcessKeys.HANDOVER_DECISION);
            problems.addAll(handOverRules.check(handOver, feel, q -> evaluate(parsed, q)));
        });
        return problems;
    }

    /** Validates the draft and replays the last {@code days} days of tickets against it. */
    public DraftReport check(String xml, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "days.outOfRange", "回放天数应在1到" + MAX_DAYS + "之间");
        }
        List<DraftReport.DraftProblem> problems = validate(xml);
        if (!problems.isEmpty()) {
            return new DraftReport(problems, null);
        }
        DmnDecision draft = parse(xml, ProcessKeys.ROUTING_DECISION);
        // the table in force, evaluated in memory too: through the decision service every replayed ticket
        // would also write a decision instance into the engine's history
        DmnDecision inForce = inForce();
        Map<List<String>, Moved> moves = new LinkedHashMap<>();
        List<RoutingHistory.Received> replayed = history.receivedSince(
                clock.instant().minus(Duration.ofDays(days)), MAX_REPLAYED);
        int changed = 0;
        for (RoutingHistory.Received ticket : replayed) {
            List<String> from = route(evaluate(inForce, ticket.query()));
            List<String> to = route(evaluate(draft, ticket.query()));
            if (!from.equals(to)) {
                changed++;
                List<String> key = new ArrayList<>(from);
                key.addAll(to);
                moves.computeIfAbsent(key, k -> new Moved()).add(ticket, names);
            }
        }
        List<DraftReport.DraftMove> list = moves.entrySet().stream()
                .map(e -> move(e.getKey(), e.getValue()))
                .sorted((a, b) -> Integer.compare(b.tickets(), a.tickets()))
                .toList();
        return new DraftReport(problems, new DraftReport.DraftWhatIf(days, replayed.size(), changed, list));
    }

    private DraftReport.DraftMove move(List<String> key, Moved moved) {
        return new DraftReport.DraftMove(key.get(0), names.unit(key.get(0)), key.get(1), names.queue(key.get(1)),
                key.get(2), names.unit(key.get(2)), key.get(3), names.queue(key.get(3)), moved.tickets,
                List.copyOf(moved.regions), List.copyOf(moved.examples));
    }

    DmnDecisionResultEntries evaluate(DmnDecision decision, RoutingQuery query) {
        return dmnEngine.evaluateDecision(decision, inputs(query)).getFirstResult();
    }

    private DmnDecision inForce() {
        DecisionDefinition newest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ProcessKeys.ROUTING_DECISION).latestVersion().singleResult();
        try (InputStream in = repository.getDecisionModel(newest.getId())) {
            return dmnEngine.parseDecision(ProcessKeys.ROUTING_DECISION, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DmnDecision parse(String xml, String decisionKey) {
        try {
            return dmnEngine.parseDecision(decisionKey,
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("xml", "dmn.unparsable", "决策表无法解析：" + RoutingTables.brief(e));
        }
    }

    private static List<String> route(DmnDecisionResultEntries entries) {
        if (entries == null) {
            return List.of("（无匹配规则）", "");
        }
        return List.of(String.valueOf((Object) entries.getEntry("handlingUnit")),
                String.valueOf((Object) entries.getEntry("queue")));
    }

    /** The table's inputs, as the routing port gives them (see DmnTicketRouting). */
    static VariableMap inputs(RoutingQuery query) {
        return Variables.createVariables()
                .putValue("regionCode", query.region().value())
                .putValue("cityCode", query.region().cityCode())
                .putValue("provinceCode", query.region().provinceCode())
                .putValue("businessType", query.businessType().name())
                .putValue("kind", query.kind().name())
                .putValue("channel", query.channel().name());
    }

    /** The tickets of one move as they are replayed: a count, and the first regions and numbers seen. */
    private static final class Moved {
        private int tickets;
        private final Set<String> regions = new LinkedHashSet<>();
        private final List<String> examples = new ArrayList<>();

        void add(RoutingHistory.Received ticket, RoutingNames names) {
            tickets++;
            if (regions.size() < EXAMPLES) {
                regions.add(names.region(ticket.query().region()));
            }
            if (examples.size() < EXAMPLES) {
                examples.add(ticket.number());
            }
        }
    }
}
