package dev.jctl.cli.command.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.Main;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterCommandTest {
    @TempDir
    Path dir;

    @Test
    void upPrintsReadyWritesTheKubeconfigAndStopsOnRequest() throws Exception {
        ClusterOptions options = new ClusterOptions();
        new CommandLine(options).parseArgs("--data-dir", dir.resolve("data").toString(), "--port", "0",
                "--storage", "memory");
        StringWriter out = new StringWriter();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> Foreground.serve(options, options.serviceRanges(), dir.resolve("kubeconfig"),
                        new PrintWriter(out, true), new PrintWriter(new StringWriter()), stop));
        String line = awaitLine(out);
        Matcher m = Pattern.compile("jctl cluster ready at https://127\\.0\\.0\\.1:(\\d+) \\(kubeconfig (.+)\\)")
                .matcher(line);
        assertTrue(m.matches(), line);
        int port = Integer.parseInt(m.group(1));
        assertTrue(Files.readString(Path.of(m.group(2))).contains("server: https://127.0.0.1:" + port));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertThrows(java.io.IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }, "the port is released on shutdown");
    }

    @Test
    void badOptionsFailWithAnErrorLine() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("cluster", "apiserver", "--data-dir", dir.toString(), "--port", "0", "--kubeconfig",
                dir.resolve("kubeconfig").toString(), "--storage", "floppy");
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("error: unknown storage 'floppy'"), err.toString());
    }

    @Test
    void aServerStartedWithSmallServiceRangesAllocatesFromThem() throws Exception {
        ClusterOptions options = new ClusterOptions();
        new CommandLine(options).parseArgs("--data-dir", dir.resolve("data").toString(), "--port", "0",
                "--storage", "memory", "--service-cluster-ip-range", "10.250.0.0/28",
                "--service-node-port-range", "30100-30101");
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> Foreground.serve(options, options.serviceRanges(), dir.resolve("kubeconfig"),
                        new PrintWriter(out, true), new PrintWriter(new StringWriter()), stop));
        awaitLine(out);
        try (Connection api = Connection.open(new ConnectionSettings(dir.resolve("kubeconfig"), null, "default",
                dir.resolve("cache")))) {
            Set<String> ips = new HashSet<>();
            Set<Integer> ports = new HashSet<>();
            for (String name : List.of("a", "b")) {
                Connection.Answer created = api.exchange(service(name, ""));
                assertEquals(201, created.code(), created.body());
                JsonNode spec = created.json().path("spec");
                ips.add(spec.path("clusterIP").asText());
                ports.add(spec.path("ports").get(0).path("nodePort").asInt());
            }
            assertEquals(Set.of(30100, 30101), ports);
            // the allocator keeps the first ten addresses for Services that ask for them
            assertTrue(Set.of("10.250.0.10", "10.250.0.11", "10.250.0.12", "10.250.0.13", "10.250.0.14")
                    .containsAll(ips) && ips.size() == 2, ips.toString());
            assertEquals("Service \"c\" is invalid: spec.ports: Internal error: failed to allocate a nodePort: range is"
                    + " full", api.exchange(service("c", "")).json().path("message").asText());
            assertEquals("Service \"d\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.20\"}: failed"
                    + " to allocate IP 10.96.0.20: the provided IP (10.96.0.20) is not in the valid range. The range of"
                    + " valid IPs is 10.250.0.0/28", api.exchange(service("d", "\"clusterIP\":\"10.96.0.20\","))
                    .json().path("message").asText());
        } finally {
            stop.countDown();
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    private static Connection.Request service(String name, String extraSpec) {
        return new Connection.Request("POST", "/api/v1/namespaces/default/services", "application/json",
                "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{" + extraSpec + "\"type\":\"NodePort\","
                        + "\"ports\":[{\"port\":80}]}}", null);
    }

    @Test
    void badServiceRangesAreCommandLineErrorsInKubeApiserversWords() {
        Path data = dir.resolve("never");
        assertEquals(List.of(2, "error: invalid argument \"abc\" for \"--service-node-port-range\" flag: strconv.Atoi:"
                + " parsing \"abc\": invalid syntax\nSee 'jctl cluster up --help' for usage.\n"),
                execute("cluster", "up", "--data-dir", data.toString(), "--service-node-port-range", "abc"));
        assertEquals(List.of(2, "error: specified --service-cluster-ip-range is too large; for 32-bit addresses, the"
                + " mask must be >= 12\nSee 'jctl cluster apiserver --help' for usage.\n"),
                execute("cluster", "apiserver", "--data-dir", data.toString(), "--service-cluster-ip-range",
                        "10.0.0.0/8"));
        assertEquals(List.of(2, "error: service-cluster-ip-range[0] is not a valid cidr\nSee 'jctl cluster up --help'"
                + " for usage.\n"), execute("cluster", "up", "--data-dir", data.toString(),
                "--service-cluster-ip-range=10.0.0.0"));
        assertFalse(Files.exists(data), "nothing was started");
    }

    @Test
    void theRangeFlagsShowTheirDefaultsInHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("cluster", "up", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--service-cluster-ip-range=CIDR The IPv4 block Services get their ClusterIP from,"
                + " as kube-apiserver's flag (default: 10.96.0.0/12, kubeadm's)."), help);
        assertTrue(help.contains("--service-node-port-range=RANGE The ports NodePort Services get theirs from, both"
                + " ends included, as kube-apiserver's flag (default: 30000-32767)."), help);
    }

    /** The exit code and stderr of jctl with these arguments. */
    private static List<Object> execute(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return List.of(cli.execute(args), err.toString());
    }

    private static String awaitLine(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = out.toString();
            if (text.contains("\n")) {
                return text.substring(0, text.indexOf('\n')).trim();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ready line within 60s");
    }
}
