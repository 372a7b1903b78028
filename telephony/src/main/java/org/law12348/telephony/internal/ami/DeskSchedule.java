package org.law12348.telephony.internal.ami;

import org.law12348.telephony.internal.desk.PhoneDesks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Ends wrap-ups whose time is over, checked every second on a thread of its own. */
public final class DeskSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeskSchedule.class);

    private final PhoneDesks desks;
    private volatile ScheduledExecutorService executor;

    public DeskSchedule(PhoneDesks desks) {
        this.desks = desks;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "desk-wrap-up");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::run, 1, 1, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            desks.endWrapUps();
        } catch (RuntimeException e) {
            log.error("Ending wrap-ups failed; retrying at the next tick", e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
