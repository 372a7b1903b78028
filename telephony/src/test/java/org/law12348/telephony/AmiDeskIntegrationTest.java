package org.law12348.telephony;

import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One application context for the call log, recording and wallboard tests: H2 in memory, the real
 * ManagerConnection logged in to an {@link AsteriskAmiPeer}, and a recording directory of its own.
 */
@SpringBootTest(classes = TelephonyTestApp.class)
@AutoConfigureMockMvc
abstract class AmiDeskIntegrationTest {

    static final AsteriskAmiPeer AMI = peer();
    static final Path RECORDINGS = recordingDir();
    static final int AGI_PORT = freePort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.fastagi.port", () -> AGI_PORT);
        registry.add("law12348.telephony.ami.host", () -> "127.0.0.1");
        registry.add("law12348.telephony.ami.port", AMI::port);
        registry.add("law12348.telephony.ami.username", () -> "hotline");
        registry.add("law12348.telephony.ami.secret", () -> "hotline-secret");
        registry.add("law12348.telephony.ami.reconnect-min", () -> "100ms");
        registry.add("law12348.telephony.callback.dispatch-interval", () -> "1h");
        registry.add("law12348.telephony.recording-dir", RECORDINGS::toString);
    }

    private static AsteriskAmiPeer peer() {
        try {
            AsteriskAmiPeer peer = new AsteriskAmiPeer("hotline-secret");
            // the PBX as the wallboard test finds it at login (see WallboardTest)
            peer.queues().member("legal-consultation", "Agent One", "Local/agent1@agents/n", 1, false)
                    .member("legal-consultation", "Agent Two", "Local/agent2@agents/n", 1, false)
                    .member("mediation", "Agent Three", "Local/agent3@agents/n", 1, true)
                    .member("mediation", "Agent Four", "Local/agent4@agents/n", 5, false)
                    .waiting("mediation", "1795990100.1", "13800138000", 42);
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path recordingDir() {
        try {
            return Files.createTempDirectory("hotline-recordings").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
