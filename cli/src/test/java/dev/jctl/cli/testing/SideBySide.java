package dev.jctl.cli.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the test classes that run jctl and the real kubectl side by side: one API server per class, in a
 * temporary directory that also holds each tool's cache and the tests' manifests.
 */
public abstract class SideBySide {
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
}
