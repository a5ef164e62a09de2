package dev.jctl.cli.testing;

import dev.jctl.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The jctl command line in process, against one kubeconfig and cache directory. */
public final class JctlRunner {
    private final java.nio.file.Path kubeconfig;
    private final java.nio.file.Path cacheDir;

    public JctlRunner(java.nio.file.Path kubeconfig, java.nio.file.Path cacheDir) {
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    /** Runs {@code jctl <args> --kubeconfig K --cache-dir C}; relative paths in args resolve against the JVM's directory. */
    public CommandRun run(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--kubeconfig=" + kubeconfig);
        all.add("--cache-dir=" + cacheDir);
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(all.toArray(String[]::new));
        return new CommandRun(exit, out.toString(), err.toString());
    }

    public CommandRun run(String... args) {
        return run(List.of(args));
    }

    /** Runs jctl in a new JVM, for what only a process has: its own environment variables. */
    public CommandRun runProcess(java.util.Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + cacheDir);
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jctl " + args + " did not finish within 120s");
            }
            return new CommandRun(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
