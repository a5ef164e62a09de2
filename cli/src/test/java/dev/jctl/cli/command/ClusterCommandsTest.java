package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * get, delete and diff side by side with the real kubectl against the project's API server: the same stdout,
 * the same stderr where kubectl's wording is the contract, the same exit codes. Each test works in its own
 * namespace, filled by jctl apply.
 */
class ClusterCommandsTest extends SideBySide {
    private static final String APP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels:
                app: web
            data:
              color: blue
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              labels:
                app: web
            spec:
              selector:
                app: web
              ports:
              - port: 80
                targetPort: 8080
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
                tier: front
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

    /** A namespace holding APP, applied by jctl; returns the manifest file. */
    private Path namespaceWithApp(String namespace) throws IOException {
        CommandRun created = kubectl().run(dir, List.of("create", "namespace", namespace));
        assertEquals(0, created.exit(), created.describe());
        Path file = dir.resolve(namespace + ".yaml");
        Files.writeString(file, APP);
        CommandRun applied = jctl().run("apply", "-f", file.toString(), "-n", namespace);
        assertEquals(0, applied.exit(), applied.describe());
        assertEquals("configmap/settings created\nservice/web created\ndeployment.apps/web created\n", applied.out());
        return file;
    }

    /** The hunks of a unified diff, without the file header lines whose paths differ per tool and run. */
    private static List<String> hunks(String diff) {
        return diff.lines().filter(line -> !line.startsWith("diff ") && !line.startsWith("--- ")
                && !line.startsWith("+++ ")).toList();
    }

    /** Ages tick between two runs; everything else must be equal. */
    private static String withoutAges(String text) {
        return text.replaceAll("(?m)\\b\\d+s(?=\\s|$)", "Ns");
    }

    private void assertSame(List<String> args) {
        assertSame(args, args);
    }

    /** kubectl runs {@code kubectlArgs}, jctl {@code jctlArgs} (another namespace, when the command changes it). */
    private void assertSame(List<String> kubectlArgs, List<String> jctlArgs) {
        List<String> args = jctlArgs;
        CommandRun expected = kubectl().run(dir, kubectlArgs);
        CommandRun actual = jctl().run(jctlArgs);
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), "exit code of " + args + "\n" + both);
        assertEquals(withoutAges(expected.out()), withoutAges(actual.out()), "stdout of " + args + "\n" + both);
        assertEquals(expected.err(), actual.err(), "stderr of " + args + "\n" + both);
    }

    @Test
    void getPrintsWhatKubectlPrints() throws IOException {
        namespaceWithApp("get-ns");
        for (List<String> args : List.of(
                List.of("get", "deploy", "-n", "get-ns"),
                List.of("get", "deployments.apps", "web", "-n", "get-ns", "-o", "wide"),
                List.of("get", "svc", "-n", "get-ns"),
                List.of("get", "services", "-n", "get-ns", "--show-labels"),
                List.of("get", "configmaps", "-n", "get-ns", "-l", "app=web"),
                List.of("get", "deploy/web", "-n", "get-ns", "-o", "name"),
                List.of("get", "deployment", "web", "-n", "get-ns", "-o", "yaml"),
                List.of("get", "cm", "-n", "get-ns", "-o", "json"),
                List.of("get", "deploy", "web", "nope", "-n", "get-ns"),
                List.of("get", "pods", "-n", "get-ns"),
                List.of("get", "namespaces", "get-ns"),
                List.of("get", "widgets"),
                List.of("get", "svc", "-n", "get-ns", "-o", "jsonpath={.items[*].metadata.name}"),
                List.of("get", "deploy", "web", "-n", "get-ns", "-o", "jsonpath={.spec.replicas} {.metadata.labels}"),
                List.of("get", "svc", "-n", "get-ns", "-o",
                        "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.ports[?(@.port==80)].targetPort}"
                                + "{\"\\n\"}{end}"),
                List.of("get", "cm", "-n", "get-ns", "-o", "jsonpath={..color}"))) {
            assertSame(args);
        }
    }

    @Test
    void getAllNamespacesAddsTheNamespaceColumn() throws IOException {
        namespaceWithApp("get-all");
        CommandRun expected = kubectl().run(dir, List.of("get", "deploy", "-A"));
        CommandRun actual = jctl().run("get", "deploy", "-A");
        assertEquals(withoutAges(expected.out()), withoutAges(actual.out()));
        assertTrue(actual.out().startsWith("NAMESPACE   NAME"), actual.out());
    }

    @Test
    void deleteByFileByNameAndBySelector() throws IOException {
        namespaceWithApp("delete-k");
        Path file = namespaceWithApp("delete-ns");
        assertSame(List.of("delete", "deploy", "web", "nope", "-n", "delete-k"),
                List.of("delete", "deploy", "web", "nope", "-n", "delete-ns"));
        CommandRun bySelector = jctl().run("delete", "cm", "-l", "app=web", "-n", "delete-ns");
        assertEquals("configmap \"settings\" deleted\n", bySelector.out(), bySelector.describe());
        CommandRun byFile = jctl().run("delete", "-f", file.toString(), "-n", "delete-ns", "--ignore-not-found");
        assertEquals("service \"web\" deleted\n", byFile.out(), byFile.describe());
        assertEquals(0, byFile.exit());
        CommandRun again = jctl().run("delete", "-f", file.toString(), "-n", "delete-ns");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("Error from server (NotFound): error when deleting \"" + file
                + "\": deployments.apps \"web\" not found"), again.err());
    }

    @Test
    void diffExitCodesFollowKubectl() throws IOException {
        Path file = namespaceWithApp("diff-ns");
        CommandRun same = jctl().run("diff", "-f", file.toString(), "-n", "diff-ns");
        assertEquals(0, same.exit(), same.describe());
        assertEquals("", same.out());

        Path changed = dir.resolve("diff-changed.yaml");
        Files.writeString(changed, APP.replace("color: blue", "color: green"));
        CommandRun differs = jctl().run("diff", "-f", changed.toString(), "-n", "diff-ns");
        assertEquals(1, differs.exit(), differs.describe());
        assertTrue(differs.out().contains("-  color: blue\n+  color: green\n"), differs.out());
        CommandRun kubectlDiffers = kubectl().run(dir, List.of("diff", "-f", changed.toString(), "-n", "diff-ns"));
        assertEquals(kubectlDiffers.exit(), differs.exit(), kubectlDiffers.describe());
        // kubectl diff leaves the last-applied annotation out of the merged side, so only the data line differs.
        assertEquals(hunks(kubectlDiffers.out()), hunks(differs.out()));

        Path broken = dir.resolve("diff-broken.yaml");
        Files.writeString(broken, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: other\n");
        CommandRun error = jctl().run("diff", "-f", broken.toString(), "-n", "diff-ns");
        CommandRun kubectlError = kubectl().run(dir, List.of("diff", "-f", broken.toString(), "-n", "diff-ns"));
        assertEquals(kubectlError.exit(), error.exit(), kubectlError.describe() + "\n" + error.describe());
    }

    @Test
    void diffRunsTheExternalProgramOnLiveAndMergedDirectories() throws IOException {
        Path file = namespaceWithApp("extdiff-ns");
        Path changed = dir.resolve("extdiff.yaml");
        Files.writeString(changed, APP.replace("color: blue", "color: green"));
        // "diff -r" exits 1 when the trees differ, and lists the files kubectl's layout names.
        Map<String, String> env = Map.of("KUBECTL_EXTERNAL_DIFF", "diff -r -q");
        List<String> args = new ArrayList<>(List.of("diff", "-f", changed.toString(), "-n", "extdiff-ns"));
        CommandRun expected = kubectl().run(dir, env, args);
        CommandRun actual = jctl().runProcess(env, args);
        assertEquals(expected.exit(), actual.exit(), expected.describe() + "\n" + actual.describe());
        assertEquals(expected.out().replaceAll("/\\S*(LIVE|MERGED)-\\d+", "$1"),
                actual.out().replaceAll("/\\S*(LIVE|MERGED)-\\d+", "$1"));
        CommandRun unchanged = jctl().runProcess(env, List.of("diff", "-f", file.toString(), "-n", "extdiff-ns"));
        assertEquals(0, unchanged.exit(), unchanged.describe());
    }
}
