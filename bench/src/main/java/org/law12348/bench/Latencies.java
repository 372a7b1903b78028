package org.law12348.bench;

import java.util.Arrays;

/** Collected latencies in microseconds, with percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile in milliseconds (p in 0..100). */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }
}
