package dev.jctl.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the test classes that run jctl and the real kubectl side by side: one API server per class, in a
 * temporary directory that also holds each tool's cache and the tests' manifests.
 */
public abstract class SideBySide {
    /**
     * kubectl's stderr without client-go's klog warnings ({@code W1123 21:28:58.557863   19925 file.go:723] ...}):
     * stamped with the time and process, and not part of kubectl's answer. kubectl prints them, for one, when a
     * watch it cut short at a 1 s timeout ended "very short" (whether depends on scheduling), or when kubectl diff
     * retried an object that kept conflicting.
     */
    protected static final UnaryOperator<String> WITHOUT_KLOG_WARNINGS =
            text -> text.replaceAll("(?m)^W\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+ .*\n", "");

    @TempDir
    protected static Path dir;
    protected static LiveCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LiveCluster.start(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The real kubectl against the cluster; skips the test without one (fails it on CI). */
    protected static KubectlBinary kubectl() {
        return KubectlBinary.require(cluster.kubeconfig(), cluster.cacheDir().resolve("kubectl"));
    }

    protected static JctlRunner jctl() {
        return new JctlRunner(cluster.kubeconfig(), cluster.cacheDir().resolve("jctl"));
    }

    /**
     * Runs {@code args} with kubectl in {@code -n kubectlNamespace} and with jctl in {@code -n jctlNamespace}: the
     * exit codes, standard output and standard error must be the same once {@code normalize} has run over both.
     */
    protected static void assertSame(String kubectlNamespace, String jctlNamespace, UnaryOperator<String> normalize,
                                     String... args) {
        List<String> kubectlArgs = new ArrayList<>(List.of(args));
        kubectlArgs.addAll(List.of("-n", kubectlNamespace));
        List<String> jctlArgs = new ArrayList<>(List.of(args));
        jctlArgs.addAll(List.of("-n", jctlNamespace));
        CommandRun expected = kubectl().run(dir, kubectlArgs);
        CommandRun actual = jctl().run(jctlArgs);
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), "exit code of " + List.of(args) + "\n" + both);
        assertEquals(normalize.apply(expected.out()), normalize.apply(actual.out()),
                "stdout of " + List.of(args) + "\n" + both);
        assertEquals(normalize.apply(expected.err()), normalize.apply(actual.err()),
                "stderr of " + List.of(args) + "\n" + both);
    }
}
