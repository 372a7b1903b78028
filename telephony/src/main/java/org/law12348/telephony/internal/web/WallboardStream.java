package org.law12348.telephony.internal.web;

import org.law12348.telephony.internal.calls.LiveQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes the wallboard to every open board as Server-Sent Events, the way the console's LiveUpdates
 * pushes ticket events. A busy queue moves many times a second, so the board is sent at most once per
 * {@link #THROTTLE} after a change, and at least every {@link #REFRESH} anyway: waits keep growing
 * without events, and a PBX that went away must show as such. Nothing is computed while nobody watches.
 */
@Component
class WallboardStream implements SmartLifecycle {

    static final Duration THROTTLE = Duration.ofSeconds(1);
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(WallboardStream.class);

    private final Wallboard wallboard;
    private final CopyOnWriteArrayList<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long lastSent;
    private volatile ScheduledExecutorService ticker;

    WallboardStream(Wallboard wallboard, ObjectProvider<LiveQueues> live) {
        this.wallboard = wallboard;
        live.ifAvailable(l -> l.onChange(() -> dirty.set(true)));
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        send(emitter, wallboard.now());
        return emitter;
    }

    private void tick() {
        try {
            boolean due = System.nanoTime() - lastSent >= REFRESH.toNanos();
            if (subscribers.isEmpty() || !(dirty.getAndSet(false) || due)) {
                return;
            }
            lastSent = System.nanoTime();
            Wallboard.Board board = wallboard.now();
            for (SseEmitter emitter : subscribers) {
                send(emitter, board);
            }
        } catch (RuntimeException e) {
            log.warn("Wallboard update failed; next try in {}", THROTTLE, e);
        }
    }

    private void send(SseEmitter emitter, Wallboard.Board board) {
        // the ticker and a new subscription may write one emitter at once
        synchronized (emitter) {
            try {
                emitter.send(SseEmitter.event().name("wallboard").data(board, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                log.debug("Wallboard disconnected: {}", e.toString());
                subscribers.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wallboard-stream");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, THROTTLE.toMillis(), THROTTLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        subscribers.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
