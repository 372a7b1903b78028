package org.law12348.miniapp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a fake platform accepts and reads, then leaves unanswered (the platform overloaded, or a proxy
 * swallowing the answer), per API path or method: shared by {@link FakeWechat} and {@link FakeAlipay}.
 */
final class HangingCalls {

    /**
     * How late a hanging call is answered unless released first: longer than the tests' read timeout,
     * shorter than the SDKs' own defaults (5 s WeChat, 10 s Alipay) this module used before.
     */
    static final Duration LATE_ANSWER = Duration.ofSeconds(3);

    private final Map<String, AtomicInteger> planned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hung = new ConcurrentHashMap<>();
    private volatile CountDownLatch release = new CountDownLatch(1);

    /** The next n calls of {@code api} hang. */
    void hang(String api, int n) {
        planned.computeIfAbsent(api, a -> new AtomicInteger()).set(n);
    }

    /** How many calls of {@code api} hung since the last reset. */
    int hungCalls(String api) {
        AtomicInteger count = hung.get(api);
        return count == null ? 0 : count.get();
    }

    /** Ends the calls hanging now without an answer, as if the connection dropped; later ones still hang. */
    void release() {
        CountDownLatch hanging = release;
        release = new CountDownLatch(1);
        hanging.countDown();
    }

    void reset() {
        release();
        planned.clear();
        hung.clear();
    }

    /**
     * Called for every request: true when the fake is to answer it (at once, or late after hanging),
     * false when a hanging call was released and gets no answer at all.
     */
    boolean answer(String api) {
        if (planned.getOrDefault(api, new AtomicInteger()).getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return true;
        }
        hung.computeIfAbsent(api, a -> new AtomicInteger()).incrementAndGet();
        CountDownLatch released = release;
        try {
            return !released.await(LATE_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
