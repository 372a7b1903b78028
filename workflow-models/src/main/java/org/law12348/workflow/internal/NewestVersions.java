package org.law12348.workflow.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the id of the newest deployed version of a process or decision by its key for a short
 * while. Asking the engine by key costs a database query on every call; intake and the outbox relay
 * ask for every ticket. A deployment on another node is seen after at most {@code refreshNanos}.
 */
final class NewestVersions {

    private final long refreshNanos;
    private final Function<String, String> lookUp;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** {@code lookUp} answers the newest id for a key, or throws when nothing is deployed. */
    NewestVersions(long refreshNanos, Function<String, String> lookUp) {
        this.refreshNanos = refreshNanos;
        this.lookUp = lookUp;
    }

    String idOf(String key) {
        long now = System.nanoTime();
        Known remembered = known.get(key);
        if (remembered != null && now - remembered.lookedUpAt() < refreshNanos) {
            return remembered.id();
        }
        String id = lookUp.apply(key);
        known.put(key, new Known(id, now));
        return id;
    }

    void forget() {
        known.clear();
    }

    private record Known(String id, long lookedUpAt) {
    }
}
