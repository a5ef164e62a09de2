package dev.jctl.cli.command.cluster;

import dev.jctl.runtime.ClusterRuntime;
import dev.jctl.runtime.apiserver.rest.ServiceRanges;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the runtime, prints the {@code ready} line scripts wait for, and blocks until the JVM is asked to stop
 * (SIGTERM, SIGINT); the shutdown hook waits for the runtime to close so that the store is flushed and the port
 * released before the JVM exits.
 */
final class Foreground {
    private Foreground() {
    }

    static int run(ClusterOptions options, Path kubeconfig, PrintWriter out, PrintWriter err) {
        ServiceRanges ranges = options.serviceRanges();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "jctl-cluster-shutdown"));
        try {
            return serve(options, ranges, kubeconfig, out, err, stop);
        } finally {
            stopped.countDown();
        }
    }

    /** Runs the cluster until {@code stop} opens; returns the exit code. A null kubeconfig merges into the user's. */
    static int serve(ClusterOptions options, ServiceRanges ranges, Path kubeconfig, PrintWriter out, PrintWriter err,
                     CountDownLatch stop) {
        ClusterRuntime runtime;
        try {
            runtime = ClusterRuntime.start(ClusterRuntime.Options.of(options.dataDir)
                    .withPort(options.port)
                    .withKubeconfig(kubeconfig)
                    .withStorage(options.storage, options.etcdEndpoints)
                    .withServiceRanges(ranges));
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        try (runtime) {
            out.println("jctl cluster ready at " + runtime.server() + " (kubeconfig " + runtime.kubeconfig() + ")");
            out.flush();
            awaitQuietly(stop);
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
