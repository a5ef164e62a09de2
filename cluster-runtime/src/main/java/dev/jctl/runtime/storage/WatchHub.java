package dev.jctl.runtime.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed events out to watchers of a store that is the single writer of its data.
 *
 * <p>A watcher is registered <em>before</em> its history is read and buffers live events until
 * {@link Registration#prime} hands it that history; events are then de-duplicated by revision. This way a
 * watcher sees every event after its start revision exactly once and in order, without the store holding a
 * lock while it reads history. Each watcher is delivered to serially on a small shared pool, never on the
 * writer's thread. The pool has a thread per core, not per watcher: waking hundreds of threads for one event
 * cost the writer more than the commit itself, and listeners do not block (see {@link Storage#watch}).
 */
final class WatchHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Events one watcher gets per turn on the pool, so a long backlog (a big history) cannot hold a thread. */
    private static final int TURN = 64;

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "storage-watch-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    /** A watcher that is registered but not yet primed with its history. */
    interface Registration extends Watch {
        /** Hands over the stored history (in revision order); live events buffered meanwhile follow it. */
        void prime(List<WatchEvent> history);
    }

    Registration register(String prefix, long afterRevision, Consumer<WatchEvent> listener) {
        Watcher watcher = new Watcher(prefix, afterRevision, listener);
        watchers.add(watcher);
        return watcher;
    }

    /** Publishes events that are durable, in revision order; must not be called concurrently. */
    void publish(List<WatchEvent> events) {
        for (Watcher watcher : watchers) {
            watcher.offer(events);
        }
    }

    void publish(WatchEvent event) {
        publish(List.of(event));
    }

    @Override
    public void close() {
        watchers.forEach(Watcher::close);
        delivery.shutdownNow();
    }

    private final class Watcher implements Registration, Runnable {
        private final String prefix;
        private final Consumer<WatchEvent> listener;
        private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
        private List<WatchEvent> pending = new ArrayList<>();
        private long highWater;
        private boolean scheduled;
        private volatile boolean closed;

        Watcher(String prefix, long afterRevision, Consumer<WatchEvent> listener) {
            this.prefix = prefix;
            this.highWater = afterRevision;
            this.listener = listener;
        }

        @Override
        public synchronized void prime(List<WatchEvent> history) {
            List<WatchEvent> buffered = pending;
            pending = null;
            enqueue(history);
            enqueue(buffered);
        }

        synchronized void offer(List<WatchEvent> events) {
            if (pending != null) {
                for (WatchEvent event : events) {
                    if (event.kv().key().startsWith(prefix)) {
                        pending.add(event);
                    }
                }
            } else {
                enqueue(events);
            }
        }

        private void enqueue(List<WatchEvent> events) {
            boolean added = false;
            for (WatchEvent event : events) {
                if (event.revision() > highWater && event.kv().key().startsWith(prefix)) {
                    queue.add(event);
                    highWater = event.revision();
                    added = true;
                }
            }
            if (added && !scheduled && !closed) {
                scheduled = true;
                submit();
            }
        }

        private void submit() {
            try {
                delivery.execute(this);
            } catch (RejectedExecutionException e) {
                // the hub is closing: nothing is delivered after close
            }
        }

        @Override
        public void run() {
            for (int delivered = 0; !closed; delivered++) {
                WatchEvent event;
                synchronized (this) {
                    if (queue.isEmpty()) {
                        scheduled = false;
                        return;
                    }
                    if (delivered == TURN) {
                        submit(); // to the back of the pool's queue, behind the other watchers
                        return;
                    }
                    event = queue.poll();
                }
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // Skipping the event would leave the consumer with a silent gap; ending the watch is honest.
                    LOG.warn("watch listener on {} failed; closing the watch", prefix, e);
                    close();
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            watchers.remove(this);
            synchronized (this) {
                queue.clear();
            }
        }
    }
}
