package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jctl.cli.Main;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * get side by side with the real kubectl against the project's API server: the same command line in the same
 * namespace must print the same lines (ages aside) to stdout and stderr and exit alike; watches are started
 * together, fed the same changes, and must print the same lines as the events arrive.
 */
class GetCommandTest extends SideBySide {
    private static final long WAIT_SECONDS = 120;

    @BeforeAll
    static void objects() throws Exception {
        Path file = dir.resolve("objects.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: get-a
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: get-empty
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: get-a
                  labels: {app: web, tier: front}
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - {name: app, image: "nginx:1.25"}
                      - {name: side, image: "busybox:1.36"}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: get-a
                spec:
                  selector: {app: web}
                  ports:
                  - {port: 80}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c10
                  namespace: get-a
                  labels: {app.kubernetes.io/part-of: shop, size: 1Gi}
                data: {a: "1"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c2
                  namespace: get-a
                  labels: {size: 500Mi}
                data: {a: "1", b: "2"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c9
                  namespace: get-a
                """);
        CommandRun applied = kubectl().run(dir, List.of("apply", "-f", file.toString()));
        assertEquals(0, applied.exit(), applied.describe());
    }

    /** Runs {@code args} with kubectl and with jctl; both must answer alike. */
    private static void assertSame(String... args) {
        CommandRun expected = kubectl().run(dir, List.of(args));
        CommandRun actual = jctl().run(args);
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), "exit code of " + List.of(args) + "\n" + both);
        assertEquals(withoutAges(expected.out()), withoutAges(actual.out()), "stdout of " + List.of(args) + "\n" + both);
        assertEquals(expected.err().replace("kubectl", "jctl"), actual.err(), "stderr of " + List.of(args) + "\n" + both);
    }

    /** Ages move on between the two runs, and change the alignment as they grow a digit. */
    private static String withoutAges(String text) {
        return text.replaceAll("(?m)(?<=^|\\s)\\d+[smhdy](\\d+[smh])?(?=\\s|$)", "AGE").replaceAll(" +", " ");
    }

    @Test
    void severalTypesAndNames() {
        assertSame("get", "deploy,svc", "-n", "get-a");
        assertSame("get", "deploy/web", "svc/web", "cm/c2", "-n", "get-a");
        assertSame("get", "all", "-n", "get-a");
        assertSame("get", "all", "-n", "get-a", "-o", "wide");
        assertSame("get", "cm,secrets", "-n", "get-a");
        assertSame("get", "deploy,svc", "web", "-n", "get-a", "--no-headers");
        assertSame("get", "all", "-n", "get-empty");
        assertSame("get", "deploy,svc", "-n", "get-empty");
        assertSame("get", "ns,deploy", "-n", "get-a", "-l", "app=web");
        assertSame("get", "deploy,cm", "-A", "--show-labels");
        assertSame("get", "cm", "c2", "nope", "-n", "get-a");
        assertSame("get", "deploy,svc", "web", "-n", "get-a", "-o", "name");
        assertSame("get", "deploy/web", "svc/web", "-n", "get-a", "-o", "json");
        assertSame("get", "cm", "c2", "-n", "get-a", "-o", "yaml");
        assertSame("get", "cm", "nope", "-n", "get-a", "-o", "yaml");
        assertSame("get", "cm", "-n", "get-empty", "-o", "yaml");
        assertSame("get", "deploy", "web", "svc", "-n", "get-a");
        assertSame("get", "widgets", "-n", "get-a");
    }

    @Test
    void customColumnsSortingAndLabelColumns() throws Exception {
        assertSame("get", "deploy", "web", "-n", "get-a", "-o",
                "custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[*].image,"
                        + "LABELS:.metadata.labels,R:.spec.replicas,X:.nope");
        assertSame("get", "deploy,svc,cm", "-n", "get-a", "-o", "custom-columns=KIND:kind,NAME:{.metadata.name}",
                "--no-headers");
        assertSame("get", "cm", "-n", "get-empty", "-o", "custom-columns=NAME:.metadata.name");
        assertSame("get", "cm", "-n", "get-a", "-o", "custom-columns=");
        assertSame("get", "cm", "-n", "get-a", "-o", "custom-columns=NAME");
        assertSame("get", "cm", "-n", "get-a", "-o", "custom-columns=A:{.x}{.y}");
        Path columns = dir.resolve("columns.txt");
        Files.writeString(columns, "NAME   KEYS\n.metadata.name   {.data}\n");
        assertSame("get", "cm", "-n", "get-a", "-o", "custom-columns-file=" + columns, "--no-headers");
        assertSame("get", "cm", "-n", "get-a", "--sort-by=.metadata.name");
        assertSame("get", "cm", "-n", "get-a", "--sort-by=.metadata.labels.size", "-L", "size",
                "-L", "app.kubernetes.io/part-of");
        assertSame("get", "cm", "-n", "get-a", "--sort-by=.metadata.labels.size", "-o", "name");
        assertSame("get", "cm", "-n", "get-a", "--sort-by=.nope");
        assertSame("get", "deploy,svc", "-n", "get-a", "--sort-by=.metadata.name");
        assertSame("get", "cm", "-n", "get-a", "--show-labels", "-o", "name");
        assertSame("get", "cm", "-n", "get-a", "--output-watch-events");
    }

    @Test
    void watchPrintsEachEventLikeKubectl() throws Exception {
        assertEquals(0, kubectl().run(dir, List.of("create", "namespace", "get-w")).exit());
        assertEquals(0, kubectl().run(dir, List.of("create", "configmap", "first", "-n", "get-w")).exit());
        String added = "a-much-longer-name";
        List<Watch> running = List.of(
                new Watch(added, 2, "get", "cm", "-n", "get-w", "-w"),
                new Watch(added, 2, "get", "cm", "-n", "get-w", "-w", "--output-watch-events"),
                new Watch(added, 2, "get", "cm", "-n", "get-w", "--watch-only"),
                new Watch("x=y", 1, "get", "cm", "first", "-n", "get-w", "-w", "--show-labels"),
                new Watch("  uid:", 4, "get", "cm", "-n", "get-w", "-w", "-o", "yaml"),
                new Watch(added, 2, "get", "cm", "-n", "get-w", "-w", "-o", "json", "--output-watch-events"),
                new Watch(added, 2, "get", "cm", "-n", "get-w", "-w", "-o", "custom-columns=N:.metadata.name,D:.data"),
                new Watch(added, 2, "get", "cm", "-n", "get-w", "-w", "-o", "name"),
                // the selector applies to the watch too: the other configmap's events are not shown
                new Watch("first", 2, "get", "cm", "-n", "get-w", "-w", "--field-selector",
                        "metadata.name!=" + added));
        for (Watch watch : running) {
            if (!watch.args.contains("--watch-only")) {
                watch.awaitLines("first", 1);
            }
        }
        assertEquals(0, kubectl().run(dir, List.of("create", "configmap", "a-much-longer-name", "-n", "get-w",
                "--from-literal=k=v")).exit());
        assertEquals(0, kubectl().run(dir, List.of("label", "configmap", "first", "-n", "get-w", "x=y")).exit());
        assertEquals(0, kubectl().run(dir, List.of("delete", "configmap", "a-much-longer-name", "-n", "get-w"))
                .exit());
        for (Watch watch : running) {
            watch.awaitSame();
        }
    }

    @Test
    void theRequestTimeoutEndsAWatchCleanly() {
        assertSame("get", "deploy", "-n", "get-a", "-w", "--request-timeout=3s");
        assertSame("get", "deploy", "web", "-n", "get-a", "-w", "--request-timeout=2", "-o", "name");
        assertSame("get", "deploy,svc", "-n", "get-a", "-w");
        assertSame("get", "deploy", "nope", "-n", "get-a", "-w");
        assertSame("get", "cm", "-n", "get-a", "--sort-by=.metadata.name", "-w", "--request-timeout=1s");
    }

    /**
     * One command line watching with kubectl (a process) and jctl (in this JVM) at once, done when the lines
     * holding {@code last} number {@code count}.
     */
    private static final class Watch {
        final List<String> args;
        final String last;
        final int count;
        final Process kubectl;
        final Thread jctl;
        final BlockingQueue<String> kubectlLines = new LinkedBlockingQueue<>();
        final BlockingQueue<String> jctlLines = new LinkedBlockingQueue<>();
        final List<String> kubectlSeen = new ArrayList<>();
        final List<String> jctlSeen = new ArrayList<>();

        Watch(String last, int count, String... args) throws Exception {
            this.args = List.of(args);
            this.last = last;
            this.count = count;
            kubectl = kubectl().start(dir, this.args);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(kubectl.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    lines.lines().forEach(kubectlLines::add);
                } catch (Exception e) {
                    kubectlLines.add("read failed: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            List<String> all = new ArrayList<>(this.args);
            all.add("--kubeconfig=" + cluster.kubeconfig());
            all.add("--cache-dir=" + cluster.cacheDir().resolve("jctl"));
            jctl = new Thread(() -> {
                var cli = Main.commandLine();
                cli.setOut(new PrintWriter(new LineWriter(jctlLines)));
                cli.setErr(new PrintWriter(new LineWriter(jctlLines)));
                cli.execute(all.toArray(String[]::new));
            });
            jctl.setDaemon(true);
            jctl.start();
        }

        void awaitLines(String text, int lines) throws InterruptedException {
            take(kubectlLines, kubectlSeen, text, lines, "kubectl");
            take(jctlLines, jctlSeen, text, lines, "jctl");
        }

        /** Waits for both to print the last event, then compares and stops both. */
        void awaitSame() throws InterruptedException {
            awaitLines(last, count);
            kubectl.destroy();
            jctl.interrupt();
            assertEquals(withoutAges(String.join("\n", kubectlSeen)), withoutAges(String.join("\n", jctlSeen)),
                    "lines of " + args);
        }

        private void take(BlockingQueue<String> from, List<String> into, String text, int lines, String tool)
                throws InterruptedException {
            while (into.stream().filter(l -> l.contains(text)).count() < lines) {
                String line = from.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(line, tool + " " + args + " printed only " + into);
                into.add(line);
            }
        }
    }

    /** Hands each complete line written to it to a queue. */
    private static final class LineWriter extends Writer {
        private final BlockingQueue<String> lines;
        private final StringBuilder line = new StringBuilder();

        LineWriter(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append(buffer[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
