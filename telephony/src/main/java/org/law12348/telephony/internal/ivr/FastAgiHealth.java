package org.law12348.telephony.internal.ivr;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The hotline's FastAGI server in the application's health: DOWN, with the reason, when its port
 * could not be bound or its accept loop stopped, because then no call reaches the IVR.
 */
public final class FastAgiHealth implements HealthIndicator {

    private final FastAgiServer server;

    public FastAgiHealth(FastAgiServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        String failure = server.failure();
        Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("reason", failure);
        return health.withDetail("address", server.settings().bindAddress() + ":" + server.settings().port())
                .withDetail("allowedPeers", server.settings().allowedPeers())
                .build();
    }
}
