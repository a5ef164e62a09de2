package dev.jctl.runtime.apiserver.openapi;

import dev.jctl.runtime.ClusterRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real kubectl explains built-in kinds from the server's OpenAPI v3 documents. Skipped with "skipped: no
 * kubectl" when kubectl is not on PATH, unless CI=true, where that fails.
 */
class KubectlExplainTest {
    @TempDir
    static Path dir;
    private static ClusterRuntime cluster;
    private static Path kubectl;

    @BeforeAll
    static void start() {
        Optional<Path> found = onPath();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("kubectl is not on PATH, and CI=true requires it");
        }
        assumeTrue(found.isPresent(), "skipped: no kubectl");
        kubectl = found.get();
        cluster = ClusterRuntime.start(ClusterRuntime.Options.of(dir.resolve("data"))
                .withKubeconfig(dir.resolve("kubeconfig")).withStorage("memory", null));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void explainsDeploymentPodTemplate() {
        String out = explain("deployment.spec.template");
        assertTrue(out.contains("GROUP:      apps"), out);
        assertTrue(out.contains("KIND:       Deployment"), out);
        assertTrue(out.contains("FIELD: template <PodTemplateSpec>"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+metadata\\s+<ObjectMeta>")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+spec\\s+<PodSpec>")), out);
    }

    @Test
    void explainsPodContainersWithRequiredFieldsAndTypes() {
        String out = explain("pods.spec.containers");
        assertTrue(out.contains("KIND:       Pod"), out);
        assertTrue(out.contains("FIELD: containers <[]Container>"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+name\\s+<string> -required-")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+ports\\s+<\\[\\]ContainerPort>")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+resources\\s+<ResourceRequirements>")), out);
    }

    @Test
    void explainsNestedIntOrStringAndMaps() {
        String out = explain("deployment.spec.strategy.rollingUpdate");
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+maxSurge\\s+<IntOrString>")), out);
        String labels = explain("pods.metadata.labels");
        assertTrue(labels.contains("FIELD: labels <map[string]string>"), labels);
    }

    private static String explain(String path) {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig=" + dir.resolve("kubeconfig"),
                "--cache-dir=" + dir.resolve("cache"), "explain", path));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl explain " + path + " did not finish within 60s");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
