package dev.jctl.runtime.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real etcd process on free loopback ports with a throw-away data dir. Without the binary, tests are skipped
 * with the install command, except on CI (env CI=true), where a missing etcd is a failure.
 */
public final class EtcdServer implements AutoCloseable {
    static final String MISSING = "etcd binary not found on PATH: install it with `apt-get install -y etcd-server`";

    private final Process process;
    private final Path dataDir;
    private final String endpoint;

    private EtcdServer(Process process, Path dataDir, String endpoint) {
        this.process = process;
        this.dataDir = dataDir;
        this.endpoint = endpoint;
    }

    /** Starts etcd, or aborts/fails the calling test as described above. */
    public static EtcdServer start() throws IOException, InterruptedException {
        Path binary = findOnPath("etcd");
        if (binary == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        // On tmpfs etcd's per-write fsync is free: the tests check semantics, not etcd's durability.
        Path shm = Path.of("/dev/shm");
        Path dataDir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "etcd-test") : Files.createTempDirectory("etcd-test");
        int clientPort = freePort();
        int peerPort = freePort();
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        Process process = new ProcessBuilder(binary.toString(),
                "--name", "test",
                "--data-dir", dataDir.toString(),
                "--listen-client-urls", client,
                "--advertise-client-urls", client,
                "--listen-peer-urls", peer,
                "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "test=" + peer,
                "--log-level", "error")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("etcd.log").toFile())
                .start();
        EtcdServer server = new EtcdServer(process, dataDir, client);
        server.awaitListening(clientPort);
        return server;
    }

    public String endpoint() {
        return endpoint;
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("etcd exited with " + process.exitValue() + ": " + Files.readString(dataDir.resolve("etcd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        fail("etcd did not listen on port " + port + " within 20s");
    }

    private static Path findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
