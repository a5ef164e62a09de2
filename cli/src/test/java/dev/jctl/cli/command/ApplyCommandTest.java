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
import org.junit.jupiter.api.Test;

/**
 * jctl apply's output lines, error messages and exit codes next to kubectl's for the same files, each tool in a
 * namespace of its own.
 */
class ApplyCommandTest extends SideBySide {
    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              color: blue
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80
            """;

    private void namespaces(String... names) {
        for (String name : names) {
            CommandRun created = kubectl().run(dir, List.of("create", "namespace", name));
            assertEquals(0, created.exit(), created.describe());
        }
    }

    /** Runs {@code apply <args> -n <ns>} with kubectl in k-<ns> and jctl in j-<ns> and compares what they print. */
    private void assertSameApply(String namespace, boolean compareStderr, String... args) {
        List<String> kubectlArgs = new ArrayList<>(List.of("apply"));
        kubectlArgs.addAll(List.of(args));
        kubectlArgs.add("--namespace=k-" + namespace);
        List<String> jctlArgs = new ArrayList<>(List.of("apply"));
        jctlArgs.addAll(List.of(args));
        jctlArgs.add("--namespace=j-" + namespace);
        CommandRun expected = kubectl().run(dir, kubectlArgs);
        CommandRun actual = jctl().run(jctlArgs);
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), both);
        assertEquals(expected.out().replace("k-" + namespace, "NS"), actual.out().replace("j-" + namespace, "NS"), both);
        if (compareStderr) {
            assertEquals(expected.err().replace("k-" + namespace, "NS"), actual.err().replace("j-" + namespace, "NS"),
                    both);
        }
    }

    @Test
    void dryRunsAndNameOutputLikeKubectl() throws IOException {
        namespaces("k-dry", "j-dry");
        Path file = Files.writeString(dir.resolve("config.yaml"), CONFIG);
        assertSameApply("dry", true, "-f", file.toString(), "--dry-run=client");
        assertSameApply("dry", true, "-f", file.toString(), "--dry-run=server");
        assertSameApply("dry", true, "-f", file.toString(), "-o", "name");
        Files.writeString(file, CONFIG.replace("blue", "green"));
        assertSameApply("dry", true, "-f", file.toString(), "--dry-run=client");
        assertSameApply("dry", true, "-f", file.toString(), "--dry-run=server");
        assertSameApply("dry", true, "-f", file.toString());
        assertSameApply("dry", true, "-f", file.toString(), "--dry-run=client");
    }

    @Test
    void objectsAsYamlOrJsonAfterAClientDryRun() throws IOException {
        namespaces("k-printed", "j-printed");
        Path file = Files.writeString(dir.resolve("printed.yaml"), CONFIG);
        assertSameApply("printed", true, "-f", file.toString(), "--dry-run=client", "-o", "json");
        assertSameApply("printed", true, "-f", file.toString(), "--dry-run=client", "-o", "yaml");
        Path single = Files.writeString(dir.resolve("single.yaml"), CONFIG.substring(0, CONFIG.indexOf("---")));
        assertSameApply("printed", true, "-f", single.toString(), "--dry-run=client", "-o", "yaml");
    }

    @Test
    void directoriesAreReadInLexicalOrderAndRecursivelyWithR() throws IOException {
        namespaces("k-dirs", "j-dirs");
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(tree.getParent().resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n");
        Files.writeString(tree.getParent().resolve("a.json"),
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}");
        Files.writeString(tree.getParent().resolve("notes.txt"), "not a manifest");
        Files.writeString(tree.resolve("c.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        assertSameApply("dirs", true, "-f", tree.getParent().toString());
        assertSameApply("dirs", true, "-f", tree.getParent().toString(), "-R");
    }

    @Test
    void errorsReadLikeKubectls() throws IOException {
        namespaces("k-errors", "j-errors");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: somewhere\n");
        CommandRun kubectlRun = kubectl().run(dir, List.of("apply", "-f", elsewhere.toString(), "-n", "k-errors"));
        CommandRun jctlRun = jctl().run("apply", "-f", elsewhere.toString(), "-n", "j-errors");
        assertEquals(kubectlRun.exit(), jctlRun.exit());
        assertEquals(kubectlRun.err().replace("k-errors", "NS"), jctlRun.err().replace("j-errors", "NS"));

        assertSameApply("errors", true, "-f", dir.resolve("missing.yaml").toString());

        Path invalid = Files.writeString(dir.resolve("invalid.yaml"),
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 80\n    bogus: 1\n");
        assertSameApply("errors", false, "-f", invalid.toString());
    }

    @Test
    void aDocumentThatDoesNotParseStopsTheWholeRunBeforeAnyWrite() throws IOException {
        namespaces("j-parse");
        Path file = Files.writeString(dir.resolve("half.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\napiVersion: v1\nkind: ConfigMap\n"
                        + "metadata: [unclosed\n");
        CommandRun run = jctl().run("apply", "-f", file.toString(), "-n", "j-parse");
        assertEquals(1, run.exit(), run.describe());
        assertTrue(run.err().startsWith("error: ") && run.err().contains("half.yaml:"), run.err());
        CommandRun get = jctl().run("get", "configmap", "first", "-n", "j-parse");
        assertEquals(1, get.exit(), "nothing was applied: " + get.describe());
    }
}
