package org.law12348.app;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.law12348.ticketing.internal.OutboxRelay;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
}
