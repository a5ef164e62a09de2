package dev.jctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the {@code ./jctl} launcher's class-data sharing archive: the commands whose classes are
 * worth having parsed in advance, run once against the project's own API server (a child JVM on the memory store,
 * a free port and a kubeconfig of its own), so that the archive holds the HTTP client, TLS, kubeconfig handling and the
 * apply and diff engines as well as the start-up path, YAML and the patch engine. Not a command: the launcher runs
 * this class directly and throws its output away.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("jctl-cds-training");
        try {
            train(dir);
        } finally {
            deleteTree(dir);
        }
        // The archive is written at exit, which a lingering client thread must not put off.
        System.exit(0);
    }

    /** Runs the training commands in {@code dir}; throws if one of them does not end as it should. */
    static void train(Path dir) throws IOException {
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Path kubeconfig = dir.resolve("kubeconfig");
        writeManifests(manifests, "1");
        run(0, List.of(), "version");
        run(0, List.of(), "patch", "--local", "-f", manifests.resolve("deployment-1.yaml").toString(), "-p",
                "{\"spec\":{\"replicas\":2}}", "-o", "yaml");
        Process server = startServer(dir, kubeconfig);
        try {
            List<String> connection = List.of("--kubeconfig", kubeconfig.toString(), "--cache-dir",
                    dir.resolve("cache").toString());
            run(0, connection, "apply", "-f", manifests.toString());
            run(0, connection, "apply", "-f", manifests.toString());
            run(0, connection, "diff", "-f", manifests.toString());
            writeManifests(manifests, "2");
            run(1, connection, "diff", "-f", manifests.toString());
            run(0, connection, "apply", "-f", manifests.toString());
            run(0, connection, "get", "deployments", "-n", "training");
        } finally {
            server.destroy();
            server.onExit().join();
        }
    }

    /**
     * {@code jctl cluster up} in a JVM of its own, so that the archive holds the client's classes only (the
     * server's would double its size, which every command would pay for in mapping it).
     */
    private static Process startServer(Path dir, Path kubeconfig) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "cluster", "up", "--data-dir",
                dir.resolve("data").toString(), "--port", "0", "--kubeconfig", kubeconfig.toString(), "--storage",
                "memory").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("jctl cluster ready at ")) {
                Thread drain = new Thread(() -> lines.lines().forEach(rest -> { }));
                drain.setDaemon(true);
                drain.start();
                return server;
            }
        }
        server.destroy();
        throw new IOException("the training API server ended before it was ready");
    }

    /** A Namespace and, in it, two each of the kinds a typical directory holds. */
    private static void writeManifests(Path dir, String version) throws IOException {
        Files.writeString(dir.resolve("namespace.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n"
                + "  name: training\n");
        for (int i = 1; i <= 2; i++) {
            Files.writeString(dir.resolve("configmap-" + i + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: app-%d, namespace: training}
                    data: {version: "%s"}
                    """.formatted(i, version));
            Files.writeString(dir.resolve("service-" + i + ".yaml"), """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: app-%d, namespace: training}
                    spec:
                      selector: {app: app-%d}
                      ports: [{name: http, port: 80, targetPort: 8080}]
                    """.formatted(i, i));
            Files.writeString(dir.resolve("deployment-" + i + ".yaml"), """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: app-%d
                      namespace: training
                      labels: {app: app-%d}
                    spec:
                      replicas: 1
                      selector:
                        matchLabels: {app: app-%d}
                      template:
                        metadata:
                          labels: {app: app-%d}
                        spec:
                          containers:
                          - name: app
                            image: "registry.example.com/app:%s"
                            env: [{name: MODE, value: training}]
                            ports: [{name: http, containerPort: 8080}]
                            resources: {requests: {cpu: 100m, memory: 64Mi}}
                    """.formatted(i, i, i, i, version));
        }
    }

    /** Runs one command, its output thrown away, and checks its exit code. */
    private static void run(int expectedExit, List<String> connection, String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(connection);
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(Writer.nullWriter())).setErr(new PrintWriter(err))
                .execute(argv.toArray(String[]::new));
        if (exit != expectedExit) {
            throw new IllegalStateException("jctl " + String.join(" ", argv) + " exited " + exit + ": " + err);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
