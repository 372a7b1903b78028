package org.law12348.telephony.internal.ami;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyProperties.Ami;
import org.law12348.telephony.peer.AsteriskAmiPeer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real ManagerConnection's login against the AMI peer, outside Spring. */
class AmiConnectorTest {

    @Test
    void keepsRetryingARejectedLoginWithBackOffAndStaysDisconnected() throws Exception {
        try (AsteriskAmiPeer peer = new AsteriskAmiPeer("hotline-secret")) {
            AmiConnector connector = new AmiConnector(new Ami("127.0.0.1", peer.port(), "hotline", "wrong",
                    Duration.ofMillis(100), Duration.ofMillis(400)), List.of());
            connector.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> loginAttempts(peer) >= 3);
                assertThat(connector.isConnected()).isFalse();
                assertThat(peer.logins()).isZero();
            } finally {
                connector.stop();
            }
        }
    }

    @Test
    void logsInWithTheMd5ChallengeAndReportsConnected() throws Exception {
        try (AsteriskAmiPeer peer = new AsteriskAmiPeer("hotline-secret")) {
            AmiConnector connector = new AmiConnector(new Ami("127.0.0.1", peer.port(), "hotline", "hotline-secret",
                    Duration.ofMillis(100), Duration.ofMillis(400)), List.of());
            connector.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(connector::isConnected);
                assertThat(peer.actions()).anySatisfy(a -> assertThat(a).containsEntry("Action", "Challenge")
                        .containsEntry("AuthType", "MD5"));
                assertThat(peer.logins()).isEqualTo(1);
            } finally {
                connector.stop();
            }
        }
    }

    private static long loginAttempts(AsteriskAmiPeer peer) {
        return peer.actions().stream().filter(a -> "Login".equalsIgnoreCase(a.get("Action"))).count();
    }
}
