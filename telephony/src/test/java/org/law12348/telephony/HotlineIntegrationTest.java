package org.law12348.telephony;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** One application context for the FastAGI and web tests: H2 in memory, FastAGI on a free port, no AMI. */
@SpringBootTest(classes = TelephonyTestApp.class)
@AutoConfigureMockMvc
abstract class HotlineIntegrationTest {

    static final int AGI_PORT = freePort();

    @DynamicPropertySource
    static void agiPort(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.fastagi.port", () -> AGI_PORT);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
