package dev.jctl.cli.command.cluster;

import dev.jctl.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                () -> Foreground.serve(options, dir.resolve("kubeconfig"), new PrintWriter(out, true),
                        new PrintWriter(new StringWriter()), stop));
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
