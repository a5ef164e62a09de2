package dev.jctl.runtime.bench;

import dev.jctl.runtime.apiserver.ApiServerMain;
import dev.jctl.runtime.apiserver.ChildJvm;
import dev.jctl.runtime.apiserver.security.BearerToken;
import dev.jctl.runtime.apiserver.security.TlsMaterial;

import java.lang.management.ManagementFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API server under HTTPS load, next to fabric8's KubernetesMockServer (CRUD mode) in the same run. Each server
 * runs in a child JVM with default options (as {@code jctl cluster up} does), so its memory and CPU time are its
 * own; the load comes from this JVM over loopback.
 *
 * <p>Usage: {@code ApiServerBenchmark [sqlite] [memory] [mock] [--clients 16] [--requests 20000] [--seconds 30]
 * [--rate 1000] [--paced-seconds 10] [--watchers 500] [--watch-events 100] [--watch-rate 10] [--idle-seconds 10]
 * [--server-jvm-options "-XX:StartFlightRecording=filename=x.jfr ..."] [--thread-cpu] [--http2]
 * [--client netty|jdk|jdk,netty] [--warmup-seconds 240] [--kind configmap|service]}; all three servers by default.
 * Phases per server: idle RSS after start, a warm-up, creates and then gets of those objects from {@code clients}
 * closed-loop clients (bounded by count and time), creates paced at {@code rate}/s (skipped with
 * {@code --paced-seconds 0}), and (not on the mock) watch delivery to {@code watchers} (skipped with
 * {@code --watchers 0}). The objects are ConfigMaps of ~370 bytes, or with {@code --kind service} ClusterIP
 * Services, whose creates also allocate an IP. The warm-up repeats rounds of creates and gets until the server's
 * JIT compiler threads use under 5 % of its CPU in a round (or {@code warmup-seconds} passed), so the phases measure
 * a server in its steady state, as one that runs for hours is. With two client stacks the closed-loop and paced
 * phases run once on each, on the same warmed-up server. The last columns are the server's CPU time per answered
 * request, which moves less than throughput when other work shares the cores, and the part of it its JIT compiler
 * threads used ({@code --thread-cpu} splits it by thread), and this JVM's own CPU time per request: the load
 * generator shares the cores, so (2 cores x 1,000 ms) / (server + client ms per request) bounds the throughput.
 * The clients run on netty with BoringSSL ({@code --client netty}, the default; {@link LoadClients}) or on the JDK's
 * HttpClient ({@code --client jdk}) and speak HTTP/1.1, or with {@code --http2} HTTP/2 as kubectl and client-go do
 * (the watches stay on HTTP/1.1).
 */
public final class ApiServerBenchmark {
    /** Senders of the paced load: at 1,000/s they keep up while the mean latency stays under 32 ms. */
    private static final int PACED_CONNECTIONS = 32;
    /** A server is warm when its JIT compiler threads use less than this share of its CPU time. */
    private static final double WARM_JIT_SHARE = 0.05;

    private int clients = 16;
    private int requests = 20_000;
    private Duration limit = Duration.ofSeconds(30);
    private int rate = 1_000;
    private Duration paced = Duration.ofSeconds(10);
    private int watchers = 500;
    private int watchEvents = 100;
    private int watchRate = 10;
    private Duration idle = Duration.ofSeconds(10);
    private List<String> serverJvmOptions = List.of();
    private boolean threadCpu;
    private HttpClient.Version http = HttpClient.Version.HTTP_1_1;
    private List<LoadClients.Stack> stacks = List.of(LoadClients.Stack.NETTY);
    private Duration warmup = Duration.ofSeconds(240);
    private Target.Kind kind = Target.Kind.CONFIGMAP;
    private Vertx vertx;

    private ApiServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ApiServerBenchmark bench = new ApiServerBenchmark();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> bench.clients = Integer.parseInt(args[++i]);
                case "--requests" -> bench.requests = Integer.parseInt(args[++i]);
                case "--seconds" -> bench.limit = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rate" -> bench.rate = Integer.parseInt(args[++i]);
                case "--paced-seconds" -> bench.paced = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--watchers" -> bench.watchers = Integer.parseInt(args[++i]);
                case "--watch-events" -> bench.watchEvents = Integer.parseInt(args[++i]);
                case "--watch-rate" -> bench.watchRate = Integer.parseInt(args[++i]);
                case "--idle-seconds" -> bench.idle = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--thread-cpu" -> bench.threadCpu = true;
                case "--http2" -> bench.http = HttpClient.Version.HTTP_2;
                case "--client" -> bench.stacks = Arrays.stream(args[++i].split(","))
                        .map(c -> LoadClients.Stack.valueOf(c.trim().toUpperCase(Locale.ROOT))).toList();
                case "--warmup-seconds" -> bench.warmup = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--kind" -> bench.kind = Target.Kind.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--server-jvm-options" -> bench.serverJvmOptions = Arrays.asList(args[++i].trim().split("\\s+"));
                default -> servers.add(args[i]);
            }
        }
        if (servers.isEmpty()) {
            servers = List.of("sqlite", "memory", "mock");
        }
        System.out.printf("%s, %d cores, Java %s, load average %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        System.out.printf("%-12s %-22s %7s %9s %8s %8s %8s %6s %9s %9s %9s  %s%n", "server", "phase", "ok", "ops/s",
                "p50 ms", "p99 ms", "max ms", "errors", "cpu ms/op", "jit ms/op", "client ms", "load avg");
        // the client's event loops: two, one per core, for every connection of the load
        bench.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            for (String server : servers) {
                bench.run(server);
            }
        } finally {
            bench.vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void run(String server) throws Exception {
        Path dir = Files.createTempDirectory("apiserver-bench-" + server);
        Path data = dir.resolve("data");
        boolean mock = server.equals("mock");
        try (ChildJvm process = mock
                ? ChildJvm.start(dir.resolve("server.err"), serverJvmOptions, MockServerMain.class)
                : ChildJvm.start(dir.resolve("server.err"), serverJvmOptions, ApiServerMain.class,
                data.toString(), server)) {
            List<Target> targets = new ArrayList<>();
            for (LoadClients.Stack stack : stacks) {
                String label = stacks.size() > 1 ? server + "/" + stack.name().toLowerCase(Locale.ROOT) : server;
                targets.add(new Target(label, process, mock
                        ? new LoadClients(vertx, stack, http, process.port(), "unused", null)
                        : new LoadClients(vertx, stack, http, process.port(),
                        BearerToken.loadOrCreate(data).value(), TlsMaterial.loadOrCreate(data).caCertPem()), kind));
            }
            Thread.sleep(idle.toMillis());
            System.out.printf(Locale.ROOT, "%-12s %-22s %s MiB VmRSS after %d s idle (pid %d)%n", server, "idle RSS",
                    process.residentKiB() / 1024, idle.toSeconds(), process.pid());

            for (Target target : targets) {
                warmUp(target);
                String prefix = target.name().replace('/', '-') + "-";
                Loads.Result creates = measure(target, "create x" + clients, () -> Loads.closed(target, clients,
                        requests, limit, i -> target.create("default", prefix + i), 201)).result();
                int count = Math.max(1, creates.ok() + creates.errors());
                measure(target, "get x" + clients, () -> Loads.closed(target, clients, requests, limit,
                        i -> target.get("default", prefix + (i * 7919L % count)), 200));
                if (!paced.isZero()) {
                    measure(target, "create paced " + rate + "/s", () -> Loads.paced(target, rate, paced,
                            PACED_CONNECTIONS, i -> target.create("default", prefix + "paced-" + i), 201));
                }
            }
            if (!mock && watchers > 0) {
                Target target = targets.get(targets.size() - 1);
                measure(target, "watch x" + watchers + " " + watchRate + "/s",
                        () -> WatchFanout.run(target, watchers, watchEvents, watchRate));
            }
            System.out.printf(Locale.ROOT, "%-12s %-22s %s MiB VmRSS, %s MiB peak (VmHWM)%n", server, "RSS after load",
                    process.residentKiB() / 1024, process.peakResidentKiB() / 1024);
        }
    }

    private interface Phase {
        Loads.Result run() throws Exception;
    }

    /** What a phase measured: its result, and the server's CPU time and JIT share per answered request. */
    private record Measured(Loads.Result result, double cpuPerOp, double jitPerOp) {
        boolean warm() {
            return jitPerOp < WARM_JIT_SHARE * cpuPerOp;
        }
    }

    /**
     * Rounds of creates and gets of a tenth of the phases' count each, until a round finds the server warm (JMH
     * runs warm-up iterations the same way) or the warm-up time is spent. The round also warms this JVM's client.
     */
    private void warmUp(Target target) throws Exception {
        long deadline = System.nanoTime() + warmup.toNanos();
        int count = Math.max(1, requests / 10);
        for (int round = 1; ; round++) {
            String prefix = target.name().replace('/', '-') + "-warm-" + round + "-";
            Measured creates = measure(target, "warm-up " + round + " create", () -> Loads.closed(target, clients,
                    count, limit, i -> target.create("default", prefix + i), 201));
            int made = Math.max(1, creates.result().ok());
            Measured gets = measure(target, "warm-up " + round + " get", () -> Loads.closed(target, clients,
                    count, limit, i -> target.get("default", prefix + (i * 7919L % made)), 200));
            if (creates.warm() && gets.warm() || System.nanoTime() > deadline) {
                return;
            }
        }
    }

    private Measured measure(Target target, String name, Phase phase) throws Exception {
        long cpuBefore = target.process().cpuMillis();
        long clientBefore = clientCpuNanos();
        ThreadCpu threadsBefore = ThreadCpu.of(target.process().pid());
        Loads.Result result = phase.run();
        double ops = Math.max(1, result.ok());
        double cpuPerOp = (target.process().cpuMillis() - cpuBefore) / ops;
        double clientPerOp = (clientCpuNanos() - clientBefore) / 1e6 / ops;
        ThreadCpu threadsAfter = ThreadCpu.of(target.process().pid());
        double jitPerOp = threadsAfter.compilerMillisSince(threadsBefore) / ops;
        double[] ms = result.latencies().millis();
        System.out.printf(Locale.ROOT, "%-12s %-22s %7d %9.0f %8.2f %8.2f %8.1f %6d %9.3f %9.3f %9.3f  %s%n",
                target.name(), name, result.ok(), result.perSecond(), ms[0], ms[1], ms[2], result.errors(), cpuPerOp,
                jitPerOp, clientPerOp, loadAverage());
        if (threadCpu) {
            StringBuilder split = new StringBuilder();
            threadsAfter.millisByGroupSince(threadsBefore).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> split.append(String.format(Locale.ROOT, " %s %.3f,", e.getKey(), e.getValue() / ops)));
            System.out.printf("%-12s %-22s cpu ms/op by thread:%s%n", target.name(), name, split);
        }
        if (result.firstError() != null) {
            System.out.printf("%-12s %-22s first error: %s%n", target.name(), name, result.firstError());
        }
        return new Measured(result, cpuPerOp, jitPerOp);
    }

    /** CPU time of this JVM, the load generator, which shares the cores with the server. */
    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
