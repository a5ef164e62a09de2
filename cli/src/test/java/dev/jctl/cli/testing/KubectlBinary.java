package dev.jctl.cli.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl from PATH, against one kubeconfig with its own cache directory. Without kubectl the calling
 * test is skipped ("skipped: no kubectl"), except on CI (CI=true), where that is a failure.
 */
public final class KubectlBinary {
    private final Path binary;
    private final Path kubeconfig;
    private final Path cacheDir;

    private KubectlBinary(Path binary, Path kubeconfig, Path cacheDir) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    public static KubectlBinary require(Path kubeconfig, Path cacheDir) {
        Optional<Path> found = onPath();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("kubectl is not on PATH, and CI=true requires it");
        }
        assumeTrue(found.isPresent(), "skipped: no kubectl");
        return new KubectlBinary(found.get(), kubeconfig, cacheDir);
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts kubectl in {@code workDir} without waiting, for commands that run until stopped (get -w). */
    public Process start(Path workDir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig=" + kubeconfig,
                "--cache-dir=" + cacheDir));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        process.getOutputStream().close();
        return process;
    }

    /** Runs kubectl in {@code workDir} and waits up to 60 s. */
    public CommandRun run(Path workDir, List<String> args) {
        return run(workDir, java.util.Map.of(), args);
    }

    /** Runs kubectl in {@code workDir} with extra environment variables and waits up to 60 s. */
    public CommandRun run(Path workDir, java.util.Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + cacheDir);
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl " + String.join(" ", args) + " did not finish within 60s");
            }
            return new CommandRun(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
