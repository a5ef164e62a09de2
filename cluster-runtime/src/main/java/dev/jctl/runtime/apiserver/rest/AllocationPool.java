package dev.jctl.runtime.apiserver.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The numbers of one range (IPv4 addresses or node ports) and how many holders each has. A number normally has
 * one holder; counting them keeps a number taken while any holder is left should the stored data give it two
 * (written by another server on the same etcd, say). Not thread-safe: {@link ServiceAllocator} guards it.
 */
final class AllocationPool {
    /** Random picks before the scan: at most 1/2^32 of the time are they all taken while half the range is free. */
    private static final int RANDOM_PICKS = 32;

    private final long first;
    private final long last;
    private final Map<Long, Integer> holders = new HashMap<>();

    AllocationPool(long first, long last) {
        this.first = first;
        this.last = last;
    }

    boolean isTaken(long number) {
        return holders.containsKey(number);
    }

    /** Adds a holder of {@code number}; a number outside the range is nobody's to track. */
    void hold(long number) {
        if (number >= first && number <= last) {
            holders.merge(number, 1, Integer::sum);
        }
    }

    void release(long number) {
        holders.computeIfPresent(number, (n, count) -> count == 1 ? null : count - 1);
    }

    /**
     * A number from {@code from} to {@code to} that nobody holds, picked at random as upstream's allocators pick,
     * or -1 when all are taken.
     */
    long pickFree(long from, long to) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long span = to - from + 1;
        for (int pick = 0; pick < RANDOM_PICKS; pick++) {
            long number = from + random.nextLong(span);
            if (!isTaken(number)) {
                return number;
            }
        }
        // nearly full: one pass from a random start finds whatever is left
        long start = random.nextLong(span);
        for (long i = 0; i < span; i++) {
            long number = from + (start + i) % span;
            if (!isTaken(number)) {
                return number;
            }
        }
        return -1;
    }
}
