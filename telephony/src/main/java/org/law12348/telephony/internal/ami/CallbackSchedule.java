package org.law12348.telephony.internal.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the call-back dispatcher every {@code dispatchInterval} on one thread of its own. */
public final class CallbackSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackSchedule.class);

    private final CallbackDispatcher dispatcher;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public CallbackSchedule(CallbackDispatcher dispatcher, Duration interval) {
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "callback-dispatcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            log.error("Call-back dispatch failed; retrying at the next tick", e);
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
