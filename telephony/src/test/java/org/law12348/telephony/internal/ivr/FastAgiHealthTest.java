package org.law12348.telephony.internal.ivr;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyProperties.FastAgi;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, hotline item 3: with its port taken the FastAGI server took no call and health stayed UP. */
class FastAgiHealthTest {

    @Test
    void reportsDownWithTheReasonWhenThePortCannotBeBound() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FastAgiServer server = new FastAgiServer(new FastAgi(true, taken.getLocalPort(), null, 2, 4, null), Map.of());
            server.start();
            try {
                Health health = new FastAgiHealth(server).health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat((String) health.getDetails().get("reason"))
                        .startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .contains("Address already in use");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void reportsUpWhileListening() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        FastAgiServer server = new FastAgiServer(new FastAgi(true, port, null, 2, 4, null), Map.of());
        server.start();
        try {
            Health health = new FastAgiHealth(server).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("address", "127.0.0.1:" + port)
                    .containsEntry("allowedPeers", List.of("127.0.0.1", "::1"));
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesAHostNameInTheAllowList() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FastAgiServer(
                        new FastAgi(true, 4573, null, 2, 4, List.of("pbx.example.cn")), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pbx.example.cn");
        assertThat(new PeerAllowList(List.of("10.0.0.0/24")).allows(address("10.0.0.20"))).isTrue();
        assertThat(new PeerAllowList(List.of("10.0.0.0/24")).allows(address("10.0.1.20"))).isFalse();
        assertThat(PeerAllowList.masked(address("203.0.113.77"))).isEqualTo("203.0.113.*");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
