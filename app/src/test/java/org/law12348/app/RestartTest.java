package org.law12348.app;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.law12348.ticketing.internal.OutboxRelay;
import org.law12348.workflow.ProcessKeys;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its tickets and running processes across a restart. */
@Tag("slow")
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return TelephonyTestClassesExcluded.product()
                .properties(Map.of(
                        "server.port", "0",
                        "spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("law12348") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "spring.jmx.enabled", "false",
                        // Camunda keeps engines in a JVM-wide registry by name: closing a second "default"
                        // engine would unregister the one the other test contexts' Cockpit looks up
                        "camunda.bpm.process-engine-name", "restartTest"))
                .run();
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void ticketsAndRunningProcessesSurviveARestart() {
        String number;
        String token;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi.Answer created = api(first).post("/api/v1/tickets", HttpApi.json(Map.of(
                    "businessType", "LEGAL_AID", "regionCode", "440106", "text", "重启前提交的法律援助申请。")));
            assertThat(created.status()).isEqualTo(201);
            number = created.text("number");
            token = created.text("trackingToken");
            first.getBean(OutboxRelay.class).relayPending();
            assertThat(first.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey(number).count()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpApi.Answer ticket = api(second).get("/api/v1/tickets/" + number, "X-Tracking-Token", token);
            assertThat(ticket.status()).isEqualTo(200);
            assertThat(ticket.text("handlingUnit")).isEqualTo("GD-4401-LEGAL-AID");
            RuntimeService runtime = second.getBean(RuntimeService.class);
            String processId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
                    .getId();
            assertThat(runtime.getActiveActivityIds(processId)).contains("Wait_Accepted");

            HttpApi.Answer next = api(second).post("/api/v1/tickets", HttpApi.json(Map.of(
                    "businessType", "LEGAL_AID", "regionCode", "440106", "text", "重启后提交的法律援助申请。")));
            assertThat(next.text("number")).isNotEqualTo(number);
        }
    }

    /**
     * A release that changes one shipped model (here the clock types, as this one does) deploys that model
     * again at start, and only that one: the routing table an administrator deployed stays the one tickets
     * follow. (The engine's default deploys every shipped model again when any one changed, which made the
     * shipped routing table the newest version.)
     */
    @Test
    void aReleaseThatChangesAModelKeepsTheAdministratorsRoutingTable() throws IOException {
        int adminsVersion;
        int clockTypesVersion;
        int consultationVersion;
        try (ConfigurableApplicationContext first = start()) {
            RoutingDeployments routing = first.getBean(RoutingDeployments.class);
            adminsVersion = routing.deploy(routing.xml(null), "admin", "管理员调整后的分派规则");
            RepositoryService repository = first.getBean(RepositoryService.class);
            DecisionDefinition clockTypes = latestDecision(repository, ProcessKeys.CLOCK_TYPES_DECISION);
            clockTypesVersion = clockTypes.getVersion();
            consultationVersion = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.CONSULTATION)
                    .latestVersion().singleResult().getVersion();
            // what the database holds differs from the shipped file, as after an upgrade to a release that changed it
            installedEarlierCopyOf(repository, clockTypes);
        }

        try (ConfigurableApplicationContext second = start()) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            assertThat(latestDecision(repository, ProcessKeys.ROUTING_DECISION).getVersion()).isEqualTo(adminsVersion);
            assertThat(latestDecision(repository, ProcessKeys.CLOCK_TYPES_DECISION).getVersion())
                    .as("the changed model is deployed again").isEqualTo(clockTypesVersion + 2);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.CONSULTATION)
                    .latestVersion().singleResult().getVersion()).as("an unchanged model is not")
                    .isEqualTo(consultationVersion);
        }
    }

    private static DecisionDefinition latestDecision(RepositoryService repository, String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    /** Deploys the model once more, a byte different, in the same deployment set the starter keeps it in. */
    private static void installedEarlierCopyOf(RepositoryService repository, DecisionDefinition definition)
            throws IOException {
        Deployment installed = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        String xml;
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        repository.createDeployment().name(installed.getName()).source(installed.getSource())
                .addString(definition.getResourceName(), xml + "\n<!-- as an earlier release shipped it -->\n")
                .deploy();
    }
}
