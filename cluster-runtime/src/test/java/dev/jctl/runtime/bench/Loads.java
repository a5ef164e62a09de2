package dev.jctl.runtime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/** The two shapes of HTTP load: clients that wait for each answer, and requests sent on a fixed schedule. */
final class Loads {
    private Loads() {
    }

    /** What a phase did: answers with the expected status, other outcomes, wall time and latencies. */
    record Result(int ok, int errors, double seconds, Latencies latencies, String firstError) {
        double perSecond() {
            return ok / seconds;
        }
    }

    /**
     * Closed loop: {@code clients} threads, each with its own client and connection, send {@code request(i)} for
     * i = 0, 1, ... one after another until {@code count} were sent or {@code limit} passed.
     */
    static Result closed(Target target, int clients, int count, Duration limit, IntFunction<LoadClient.Call> request,
                         int expected) throws InterruptedException {
        Latencies latencies = new Latencies(count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<LoadClient> connected = connect(target, clients);
        long deadline = System.nanoTime() + limit.toNanos();
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            LoadClient client = connected.get(t);
            Thread thread = new Thread(() -> {
                for (int i; System.nanoTime() < deadline && (i = next.getAndIncrement()) < count; ) {
                    long start = System.nanoTime();
                    try {
                        LoadClient.Answer response = client.send(request.apply(i));
                        latencies.add(System.nanoTime() - start);
                        count(response.status() == expected, ok, errors, firstError,
                                () -> response.status() + " " + response.body());
                    } catch (Exception e) {
                        count(false, ok, errors, firstError, e::toString);
                    }
                }
            }, "load-client-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(ok.get(), errors.get(), (System.nanoTime() - begin) / 1e9, latencies, firstError.get());
    }

    /**
     * Open loop: request i is due at start + i / rate and goes out on the first of {@code connections} senders
     * (each one client with its connection) that is free, whether or not earlier ones were answered; its
     * latency runs from when it was due, so a stalled server shows in the figures instead of slowing the load down
     * (no coordinated omission). A fixed set of connections, as wrk2 keeps, because an HTTP/1.1 client opening one
     * more TLS connection per queued request would measure handshakes once the server falls behind.
     */
    static Result paced(Target target, int rate, Duration duration, int connections, IntFunction<LoadClient.Call> request,
                        int expected) throws InterruptedException {
        int count = (int) (rate * duration.toMillis() / 1000);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        Latencies latencies = new Latencies(count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<LoadClient> connected = connect(target, connections);
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            LoadClient client = connected.get(t);
            Thread thread = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    long due = begin + i * period;
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        LoadClient.Answer response = client.send(request.apply(i));
                        latencies.add(System.nanoTime() - due);
                        count(response.status() == expected, ok, errors, firstError,
                                () -> response.status() + " " + response.body());
                    } catch (Exception e) {
                        count(false, ok, errors, firstError, e::toString);
                    }
                }
            }, "paced-client-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(ok.get(), errors.get(), (System.nanoTime() - begin) / 1e9, latencies, firstError.get());
    }

    /**
     * {@code clients} clients, each with its connection open (TLS handshake done) before the clock starts, as
     * long-lived clients such as controllers hold theirs; otherwise the first requests of a phase measure handshakes.
     */
    private static List<LoadClient> connect(Target target, int clients) throws InterruptedException {
        List<LoadClient> connected = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            LoadClient client = target.clients().newClient();
            connected.add(client);
            Thread thread = new Thread(() -> {
                try {
                    client.send(target.version());
                } catch (Exception e) {
                    // the phase itself then counts this client's failures
                }
            }, "connect-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return connected;
    }

    private static void count(boolean success, AtomicInteger ok, AtomicInteger errors,
                              AtomicReference<String> firstError, java.util.function.Supplier<String> error) {
        if (success) {
            ok.incrementAndGet();
        } else {
            errors.incrementAndGet();
            firstError.compareAndSet(null, error.get());
        }
    }
}
