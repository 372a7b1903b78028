package org.law12348.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, hotline item 3: when the FastAGI port could not be bound, no call reached the IVR and the
 * application still answered UP. Something else holds the port here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:agi_port_health;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=agiPortHealth",
        "law12348.telephony.fastagi.enabled=true"})
class HotlinePortHealthTest {

    static final ServerSocket TAKEN = takePort();

    @DynamicPropertySource
    static void agiPort(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.fastagi.port", TAKEN::getLocalPort);
    }

    @AfterAll
    static void release() throws IOException {
        TAKEN.close();
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsDownWhileTheFastAgiPortCannotBeBound() {
        HttpApi.Answer health = new HttpApi(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("DOWN");
        assertThat(health.raw().body()).doesNotContain("fastAgi");
    }

    @Test
    void anAdministratorReadsWhyTheHotlineIsDown() {
        HttpApi.Answer health = new HttpApi(port).get("/actuator/health", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:demo12348".getBytes(StandardCharsets.UTF_8)));

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().at("/components/fastAgi/status").asText()).isEqualTo("DOWN");
        assertThat(health.body().at("/components/fastAgi/details/reason").asText()).isNotBlank();
    }

    private static ServerSocket takePort() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
