package dev.jctl.runtime.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.opentest4j.TestAbortedException;

/**
 * Creates/s and gets/s with their latency, calling a {@link Storage} from concurrent client threads.
 *
 * <p>Usage: {@code StorageBenchmark [memory|sqlite|etcd|etcd=URLS ...] [--threads N] [--creates N]}; runs memory,
 * sqlite and etcd by default. The sqlite store lives in the system temp directory; {@code etcd} starts a
 * throw-away etcd there (skipped with a message when the binary is missing), {@code etcd=URLS} uses a running one.
 */
public final class StorageBenchmark {
    private static final byte[] VALUE = ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\","
            + "\"namespace\":\"default\"},\"data\":{\"key\":\"" + "v".repeat(300) + "\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 16;
        int creates = 40_000;
        List<String> backends = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--creates" -> creates = Integer.parseInt(args[++i]);
                default -> backends.add(args[i]);
            }
        }
        if (backends.isEmpty()) {
            backends = List.of("memory", "sqlite", "etcd");
        }
        System.out.printf("%-8s %-7s %8s %8s %10s %9s %9s %9s%n",
                "backend", "op", "threads", "ops", "ops/s", "p50 ms", "p99 ms", "max ms");
        for (String backend : backends) {
            if (backend.equals("etcd")) {
                benchEtcd(threads, creates);
                continue;
            }
            Path dir = Files.createTempDirectory("storage-bench");
            try (Storage storage = open(backend, dir)) {
                report(backend.split("=")[0], storage, threads, creates);
            }
        }
    }

    private static void benchEtcd(int threads, int creates) throws Exception {
        EtcdServer server;
        try {
            server = EtcdServer.start();
        } catch (TestAbortedException e) {
            System.out.println("etcd     skipped: " + e.getMessage());
            return;
        }
        try (server; Storage storage = new EtcdStorage(List.of(server.endpoint()))) {
            report("etcd", storage, threads, creates);
        }
    }

    private static void report(String name, Storage storage, int threads, int creates) throws InterruptedException {
        String warmup = "/registry/configmaps/warmup/";
        run(threads, creates / 10, i -> storage.create(warmup + i, VALUE));
        String prefix = "/registry/configmaps/bench/";
        print(name, "create", threads, run(threads, creates, i -> storage.create(prefix + i, VALUE)));
        print(name, "get", threads, run(threads, creates, i -> storage.get(prefix + (i * 7919L % creates))));
    }

    private static void print(String name, String operation, int threads, Result result) {
        System.out.printf(Locale.ROOT, "%-8s %-7s %8d %8d %10.0f %9.3f %9.3f %9.3f%n", name, operation,
                threads, result.count, result.perSecond, result.p50, result.p99, result.max);
    }

    private static Storage open(String backend, Path dir) {
        if (backend.startsWith("etcd=")) {
            return new EtcdStorage(List.of(backend.substring("etcd=".length()).split(",")));
        }
        return switch (backend) {
            case "memory" -> new MemoryStorage();
            case "sqlite" -> new SqliteStorage(dir.resolve("state.db"));
            default -> throw new IllegalArgumentException("unknown backend " + backend);
        };
    }

    private record Result(int count, double perSecond, double p50, double p99, double max) {
    }

    /** Runs {@code operation(0 .. count-1)} on {@code threads} threads, timing each call. */
    private static Result run(int threads, int count, IntConsumer operation) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    long begin = System.nanoTime();
                    operation.accept(i);
                    latencies[i] = System.nanoTime() - begin;
                }
            });
            worker.start();
            workers.add(worker);
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(latencies);
        return new Result(count, count / seconds, millis(latencies, 0.50), millis(latencies, 0.99),
                latencies[count - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
    }
}
