package dev.jctl.runtime.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Watch delivery: {@code watchers} HTTP watches on one namespace's ConfigMaps, then creates there at a fixed rate;
 * each event's latency runs from just before its create was sent to when a watcher read the event's line. The
 * watches are read without a thread each (line subscribers on a few JDK HTTP clients), as informers multiplex them;
 * the creates go out on one client of the load's stack.
 */
final class WatchFanout {
    private static final String NAMESPACE = "watch-bench";
    private static final String PREFIX = "\"name\":\"w-";
    private static final int CLIENTS = 4;
    private static final int WARMUP_EVENTS = 20;
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
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(target.clients().newJdkHttp1Client());
        }
        List<LineReader> readers = new ArrayList<>();
        CountDownLatch heads = new CountDownLatch(watchers);
        // Few TLS handshakes at a time: hundreds at once on two cores exceed the clients' connect timeout.
        Semaphore opening = new Semaphore(OPENING);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int w = 0; w < watchers && failure.get() == null; w++) {
            LineReader reader = new LineReader(sent, latencies, delivered);
            readers.add(reader);
            opening.acquire();
            // The handler runs when the head arrives; the response future itself completes only when the body ends.
            clients.get(w % CLIENTS).sendAsync(target.watch(NAMESPACE), head -> {
                opening.release();
                heads.countDown();
                return HttpResponse.BodySubscribers.fromLineSubscriber(reader);
            }).exceptionally(e -> {
                if (heads.getCount() > 0 && failure.compareAndSet(null, e)) {
                    opening.release();
                }
                return null;
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
        double seconds = (System.nanoTime() - begin) / 1e9;
        readers.forEach(LineReader::cancel);
        int ok = delivered.get();
        return new Loads.Result(ok, (int) (expected - ok), seconds, latencies,
                ok < expected ? (expected - ok) + " events not delivered within 30 s" : null);
    }

    /** One watch stream: the latency of every measured event it reads. */
    private static final class LineReader implements Flow.Subscriber<String> {
        private final AtomicLongArray sent;
        private final Latencies latencies;
        private final AtomicInteger delivered;
        private volatile Flow.Subscription subscription;

        LineReader(AtomicLongArray sent, Latencies latencies, AtomicInteger delivered) {
            this.sent = sent;
            this.latencies = latencies;
            this.delivered = delivered;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
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

        @Override
        public void onError(Throwable throwable) {
            // a watch that breaks shows as undelivered events
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
