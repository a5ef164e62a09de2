package dev.jctl.runtime.storage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a store's history to a time window: every tick it samples (time, current revision) and compacts to
 * the revision that was current {@code window} ago, so watchers and lists can always resume from any
 * revision younger than the window, and get Gone beyond it (the kube-apiserver compactor works the same way).
 */
public final class WindowCompactor implements AutoCloseable {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(WindowCompactor.class);

    private record Sample(long millis, long revision) {
    }

    private final Storage storage;
    private final long windowMillis;
    private final LongSupplier clockMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private ScheduledExecutorService scheduler;

    WindowCompactor(Storage storage, Duration window, LongSupplier clockMillis) {
        this.storage = storage;
        this.windowMillis = window.toMillis();
        this.clockMillis = clockMillis;
    }

    /** Starts compacting {@code storage} every {@code interval}, keeping at least {@code window} of history. */
    public static WindowCompactor start(Storage storage, Duration window, Duration interval) {
        WindowCompactor compactor = new WindowCompactor(storage, window, System::currentTimeMillis);
        compactor.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "storage-compactor");
            thread.setDaemon(true);
            return thread;
        });
        compactor.scheduler.scheduleWithFixedDelay(compactor::tickSafely, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return compactor;
    }

    /** Starts with the default five-minute window, sampling every minute. */
    public static WindowCompactor start(Storage storage) {
        return start(storage, DEFAULT_WINDOW, Duration.ofMinutes(1));
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A store that is briefly unavailable (etcd restarting) must not stop later compactions.
            LOG.warn("storage compaction failed", e);
        }
    }

    /** Records a sample and compacts to the newest revision that is at least a window old. */
    synchronized void tick() {
        long now = clockMillis.getAsLong();
        samples.addLast(new Sample(now, storage.currentRevision()));
        Sample due = null;
        while (!samples.isEmpty() && samples.peekFirst().millis() <= now - windowMillis) {
            due = samples.pollFirst();
        }
        if (due != null && due.revision() > storage.compactedRevision()) {
            storage.compact(due.revision());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
