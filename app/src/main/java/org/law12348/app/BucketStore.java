package org.law12348.app;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an account, a client address, a ticket and its holder), in this node's memory. A bucket that has
 * refilled completely says nothing a new one would not, so {@link #evictFull()} drops it: the map
 * holds only keys seen recently and does not grow without bound.
 */
final class BucketStore {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long capacity;
    private final Duration period;
    private final boolean smooth;
    private final TimeMeter time;

    private BucketStore(long capacity, Duration period, boolean smooth, Clock clock) {
        this.capacity = capacity;
        this.period = period;
        this.smooth = smooth;
        this.time = new ClockTime(clock);
    }

    /** {@code capacity} per {@code period}, refilled token by token (request rates). */
    static BucketStore smooth(long capacity, Duration period, Clock clock) {
        return new BucketStore(capacity, period, true, clock);
    }

    /** {@code capacity} per {@code period}, refilled all at once when the period is over (failed sign-ins). */
    static BucketStore windowed(long capacity, Duration period, Clock clock) {
        return new BucketStore(capacity, period, false, clock);
    }

    Bucket of(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> smooth ? limit.capacity(capacity).refillGreedy(capacity, period)
                        : limit.capacity(capacity).refillIntervally(capacity, period))
                .withCustomTimePrecision(time)
                .build());
    }

    /** The bucket if the key was seen, without creating one (checking must not fill the map). */
    Bucket existing(String key) {
        return buckets.get(key);
    }

    void forget(String key) {
        buckets.remove(key);
    }

    int evictFull() {
        int before = buckets.size();
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        return before - buckets.size();
    }

    /** Bucket4j reads time through the application's clock, like everything else here. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
