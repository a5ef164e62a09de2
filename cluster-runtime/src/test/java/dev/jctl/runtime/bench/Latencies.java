package dev.jctl.runtime.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies of up to {@code capacity} operations, recorded from any thread, summarised as percentiles. */
final class Latencies {
    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long latencyNanos) {
        int i = count.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = latencyNanos;
        }
    }

    int count() {
        return Math.min(count.get(), nanos.length);
    }

    /** p50, p99 and max in milliseconds; zeros when nothing was recorded. */
    double[] millis() {
        long[] sorted = Arrays.copyOf(nanos, count());
        if (sorted.length == 0) {
            return new double[3];
        }
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6};
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
