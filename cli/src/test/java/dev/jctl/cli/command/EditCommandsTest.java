package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * scale side by side with the real kubectl against the project's API server: kubectl works in one namespace,
 * jctl in a twin, and after every command the output, exit code and resulting replicas must be the same.
 */
class EditCommandsTest extends SideBySide {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            """;

    private void namespaceWithDeployment(String namespace) throws Exception {
        CommandRun created = kubectl().run(dir, List.of("create", "namespace", namespace));
        assertEquals(0, created.exit(), created.describe());
        Path file = dir.resolve("deployment.yaml");
        Files.writeString(file, DEPLOYMENT);
        CommandRun applied = kubectl().run(dir, List.of("apply", "-f", file.toString(), "-n", namespace));
        assertEquals(0, applied.exit(), applied.describe());
    }

    /** Runs {@code args} with kubectl in {@code -n k} and with jctl in {@code -n j}; both must answer alike. */
    private void assertSame(String kubectlNamespace, String jctlNamespace, String... args) {
        assertSame(kubectlNamespace, jctlNamespace, EditCommandsTest::withoutVersions, args);
    }

    /** resourceVersions count every write in the cluster, so the two namespaces' objects have different ones. */
    private static String withoutVersions(String text) {
        return text.replaceAll("(resource version to be \\d+, was )\\d+", "$1N");
    }

    private String replicas(String namespace) {
        CommandRun run = kubectl().run(dir, List.of("get", "deploy", "web", "-n", namespace, "-o",
                "jsonpath={.spec.replicas}"));
        assertEquals(0, run.exit(), run.describe());
        return run.out();
    }

    @Test
    void scaleDoesWhatKubectlDoes() throws Exception {
        namespaceWithDeployment("scale-k");
        namespaceWithDeployment("scale-j");
        assertSame("scale-k", "scale-j", "scale", "deploy", "web", "--replicas=3");
        assertEquals("3", replicas("scale-j"));
        assertSame("scale-k", "scale-j", "scale", "deployment/web", "--replicas=1", "--current-replicas=3");
        assertEquals("1", replicas("scale-j"));
        assertSame("scale-k", "scale-j", "scale", "deploy", "web", "--replicas=5", "--current-replicas=3");
        assertEquals("1", replicas("scale-j"));
        assertSame("scale-k", "scale-j", "scale", "deploy", "web", "--replicas=5", "--resource-version=1");
        assertEquals("1", replicas("scale-j"));
        assertSame("scale-k", "scale-j", "scale", "deploy", "nope", "--replicas=2");
        assertSame("scale-k", "scale-j", "scale", "deploy", "nope", "gone", "--replicas=2");
        assertSame("scale-k", "scale-j", "scale", "deploy", "nope", "web", "--replicas=4");
        assertEquals("4", replicas("scale-j"));
        assertSame("scale-k", "scale-j", "scale", "deploy", "web", "--replicas=-1");
        assertSame("scale-k", "scale-j", "scale", "widgets", "web", "--replicas=2");
        assertEquals("4", replicas("scale-j"));
    }
}
