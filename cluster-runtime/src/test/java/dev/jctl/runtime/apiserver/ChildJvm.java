package dev.jctl.runtime.apiserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server running in its own JVM from the test classpath: a crash test can kill it with SIGKILL, and a benchmark
 * can read its memory without the load generator's heap in the figure. The child's main prints
 * {@code ready <port>} on stdout once it serves; its stderr goes to a file that failures quote.
 */
public final class ChildJvm implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Path stderr;
    private final int port;

    private ChildJvm(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts {@code main} with {@code args} and waits until it reports its port. */
    public static ChildJvm start(Path stderr, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, ready), "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return new ChildJvm(process, stderr, ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(main.getSimpleName() + " did not report ready: " + readQuietly(stderr), e);
        }
    }

    /** Reads the ready line, then keeps draining so the child never blocks on a full pipe. */
    private static void drain(Process process, CompletableFuture<Integer> ready) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (!ready.isDone() && line.startsWith("ready ")) {
                    ready.complete(Integer.parseInt(line.substring("ready ".length()).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("child exited before it was ready"));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** VmRSS: the resident set now, in KiB. */
    public long residentKiB() throws IOException {
        return statusKiB("VmRSS:");
    }

    /** VmHWM: the highest resident set so far, in KiB. */
    public long peakResidentKiB() throws IOException {
        return statusKiB("VmHWM:");
    }

    /** User plus system CPU time the process has used so far, in milliseconds. */
    public long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        // after "pid (comm) ": state is field 3, utime 14 and stime 15, in USER_HZ ticks (100 on Linux)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private long statusKiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " not in /proc/" + pid() + "/status");
    }

    /**
     * {@link Process#destroyForcibly()}, which on Linux is SIGKILL: no shutdown hook, no flush, no close. Returns
     * the exit code, 137 (128 + 9) when the signal was what ended the process.
     */
    public int kill() throws InterruptedException {
        return process.destroyForcibly().waitFor();
    }

    public String stderr() {
        return readQuietly(stderr);
    }

    /** SIGTERM, so the server shuts down as `jctl cluster up` does; SIGKILL if it takes longer than 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
