package dev.jctl.runtime.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the test classes that drive the runtime with the real kubectl: one cluster per class, its kubeconfig and
 * kubectl's cache in the class's temporary directory. Without kubectl the class is skipped (failed on CI).
 */
abstract class KubectlAgainstCluster {
    @TempDir
    static Path dir;
    static TestCluster cluster;
    static Kubectl kubectl;

    @BeforeAll
    static void startCluster() {
        kubectl = Kubectl.require(dir.resolve("kubeconfig"), dir.resolve("cache"));
        cluster = TestCluster.start(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** Runs kubectl and requires it to succeed. */
    static Kubectl.Result ok(String... args) {
        Kubectl.Result r = kubectl.run(args);
        assertEquals(0, r.exit(), () -> "kubectl " + String.join(" ", args) + "\n" + r.describe());
        return r;
    }
}
