package dev.jctl.runtime.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Watch delivery: {@code watchers} HTTP watches on one namespace's ConfigMaps, then creates there at a fixed rate;
 * each event's latency runs from just before its create was sent to when a watcher read the event's line. The
 * watches ({@link WatchStreams}) and the creates go out on the load's client stack.
 */
final class WatchFanout {
    private static final String NAMESPACE = "watch-bench";
    private static final String PREFIX = "\"name\":\"w-";
    /** Not counted: 10 s at 10 events/s, so the server's watch path is compiled before the measured events. */
    private static final int WARMUP_EVENTS = 100;
    private static final int OPENING = 16;

    private WatchFanout() {
    }

    static Loads.Result run(Target target, int watchers, int events, int rate) throws Exception {
        LoadClient writer = target.clients().newClient();
        int code = writer.send(target.createNamespace(NAMESPACE)).status();
        if (code != 201) {
            throw new IllegalStateException("cannot create namespace " + NAMESPACE + ": " + code);
        }
        int total = WARMUP_EVENTS + events;
        AtomicLongArray sent = new AtomicLongArray(total);
        Latencies latencies = new Latencies(watchers * events);
        AtomicInteger delivered = new AtomicInteger();
        WatchStreams streams = target.clients().watchStreams(watchers);
        List<Runnable> cancels = new CopyOnWriteArrayList<>();
        CountDownLatch heads = new CountDownLatch(watchers);
        // Few TLS handshakes at a time: hundreds at once on two cores exceed the clients' connect timeout.
        Semaphore opening = new Semaphore(OPENING);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int w = 0; w < watchers && failure.get() == null; w++) {
            LineReader reader = new LineReader(sent, latencies, delivered);
            opening.acquire();
            streams.open(target.watchPath(NAMESPACE), reader::onLine).whenComplete((cancel, e) -> {
                opening.release();
                if (e != null) {
                    failure.compareAndSet(null, e);
                } else {
                    cancels.add(cancel);
                    heads.countDown();
                }
            });
        }
        // A watch is registered in the store before its 200 head is written, so every later create reaches it.
        if (!heads.await(120, TimeUnit.SECONDS) || failure.get() != null) {
            throw new IllegalStateException(heads.getCount() + " of " + watchers + " watches did not start",
                    failure.get());
        }

        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long begin = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = begin + i * period;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            sent.set(i, System.nanoTime());
            writer.send(target.create(NAMESPACE, "w-" + i));
        }
        long expected = (long) watchers * events;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the rate of the counted deliveries, from when the first counted event was due
        double seconds = (System.nanoTime() - begin - WARMUP_EVENTS * period) / 1e9;
        cancels.forEach(Runnable::run);
        int ok = delivered.get();
        return new Loads.Result(ok, (int) (expected - ok), seconds, latencies,
                ok < expected ? (expected - ok) + " events not delivered within 30 s" : null);
    }

    /** One watch stream: the latency of every measured event it reads. */
    private record LineReader(AtomicLongArray sent, Latencies latencies, AtomicInteger delivered) {
        void onLine(String line) {
            long now = System.nanoTime();
            int at = line.indexOf(PREFIX);
            if (at < 0) {
                return;
            }
            int start = at + PREFIX.length();
            int index = Integer.parseInt(line.substring(start, line.indexOf('"', start)));
            if (index >= WARMUP_EVENTS) {
                latencies.add(now - sent.get(index));
                delivered.incrementAndGet();
            }
        }
    }
}
