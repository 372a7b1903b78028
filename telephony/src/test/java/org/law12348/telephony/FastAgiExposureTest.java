package org.law12348.telephony;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17, security item 3: FastAGI listened on every interface without authentication, so anyone
 * who could reach port 4573 could forge calls and callbacks. It now listens on 127.0.0.1 unless told
 * otherwise and serves only the PBX addresses of {@code allowed-peers}; this context keeps the
 * defaults (127.0.0.1 and ::1).
 */
@ExtendWith(OutputCaptureExtension.class)
class FastAgiExposureTest extends HotlineIntegrationTest {

    @Autowired CallRecords calls;
    @Autowired HealthIndicator fastAgiHealthIndicator;

    @Test
    void listensOnTheLoopbackOnlyByDefault() throws IOException {
        Optional<InetAddress> external = externalAddress();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no address besides the loopback");

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), AGI_PORT), 2000))
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(fastAgiHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void refusesAPeerThatIsNotAnAllowedPbxAndLogsItMasked(CapturedOutput log) throws Exception {
        AsteriskAgiPeer stranger = new AsteriskAgiPeer("127.0.0.1", AGI_PORT, "127.0.0.2");

        List<String> commands = stranger.call(AgiCall.from("1795879900.1", "13800138000").keys("1"));

        assertThat(commands).isEmpty();
        assertThat(calls.findByCallId("1795879900.1")).isEmpty();
        assertThat(log.getOut()).contains("Refused a FastAGI connection from 127.0.0.*")
                .doesNotContain("from 127.0.0.2");
    }

    @Test
    void servesAnAllowedPbx() throws Exception {
        List<String> commands = new AsteriskAgiPeer("127.0.0.1", AGI_PORT, "127.0.0.1")
                .call(AgiCall.from("1795879900.2", "13800138000").keys("1", AgiCall.TIMEOUT));

        assertThat(commands).startsWith("ANSWER");
        assertThat(calls.findByCallId("1795879900.2")).isPresent();
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
