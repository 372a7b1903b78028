package org.law12348.ticketing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active handling units intake routes to, kept in memory: every ticket needs its unit, and units
 * change a few times a year. Loading the unit through its repository was a tenth of intake's CPU
 * (bench/README.md, issue 24). A change made on this node is seen by the next ticket after it
 * commits ({@link #forgetAfterCommit}); another node sees it within
 * {@code law12348.ticketing.unit-refresh}, as it sees a new routing table within the workflow's
 * version refresh. Only units found active are kept, so a unit created a moment ago is never missed.
 */
@Component
class ActiveUnits {

    private record Loaded(HandlingUnit unit, long at) {
    }

    private final HandlingUnits units;
    private final long refreshNanos;
    private final Map<String, Loaded> byCode = new ConcurrentHashMap<>();

    ActiveUnits(HandlingUnits units, TicketingProperties properties) {
        this.units = units;
        this.refreshNanos = properties.unitRefresh().toNanos();
    }

    /** The unit with this code if it is active; read-only (a detached copy). */
    Optional<HandlingUnit> find(String code) {
        long now = System.nanoTime();
        Loaded loaded = byCode.get(code);
        if (loaded != null && now - loaded.at() < refreshNanos) {
            return Optional.of(loaded.unit());
        }
        Optional<HandlingUnit> found = units.findActive(code);
        found.ifPresentOrElse(unit -> byCode.put(code, new Loaded(unit, now)), () -> byCode.remove(code));
        return found;
    }

    /** Called by a change of units: the next ticket after the change commits reads them again. */
    void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byCode.clear();
                }
            });
        }
        byCode.clear();
    }
}
