package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.client.Connection;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * apply and diff with many objects in flight: the lines, errors and exit codes are those of one object at a time
 * (and of kubectl, which applies one at a time), objects wait for what earlier ranks create, and applying again
 * without a change writes nothing.
 */
class ApplyConcurrencyTest extends SideBySide {
    private static final Pattern WRITES = Pattern.compile(
            "^apiserver_request_total\\{[^}]*verb=\"(POST|PUT|PATCH|DELETE|APPLY)\"[^}]*} (\\d+)$", Pattern.MULTILINE);

    private static final Pattern CONFIG_MAP_READS = Pattern.compile(
            "^apiserver_request_total\\{(?=[^}]*resource=\"configmaps\")(?=[^}]*subresource=\"\")[^}]*verb=\"(GET|LIST)\""
                    + "[^}]*} (\\d+)$", Pattern.MULTILINE);

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  value: \"" + value + "\"\n";
    }

    private static String service(String name) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\nspec:\n  ports:\n  - port: 80\n";
    }

    private static String deployment(String name) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/app:1
                """.formatted(name, name, name);
    }

    /** 25 ConfigMaps (the 13th with an invalid name), 10 Services, 10 Deployments: in rank order, as kubectl needs. */
    private static String manyObjectsOneInvalid(String value) {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            documents.add(configMap(i == 12 ? "Invalid_Name" : "settings-" + i, value));
        }
        for (int i = 0; i < 10; i++) {
            documents.add(service("web-" + i));
        }
        for (int i = 0; i < 10; i++) {
            documents.add(deployment("web-" + i));
        }
        return String.join("---\n", documents);
    }

    private static void namespaces(String... names) {
        for (String name : names) {
            CommandRun created = kubectl().run(dir, List.of("create", "namespace", name));
            assertEquals(0, created.exit(), created.describe());
        }
    }

    private static void assertSameRun(String what, CommandRun expected, String expectedNamespace, CommandRun actual,
                                      String actualNamespace) {
        String both = what + "\nexpected: " + expected.describe() + "\nactual: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), both);
        assertEquals(expected.out().replace(expectedNamespace, "NS"), actual.out().replace(actualNamespace, "NS"), both);
        assertEquals(expected.err().replace(expectedNamespace, "NS"), actual.err().replace(actualNamespace, "NS"), both);
    }

    /** A new object's dry-run creation gets a new uid and time each time. */
    private static String withoutServerMadeFields(String diff) {
        return diff.replaceAll("(?m)^(\\+ +(uid|creationTimestamp): ).*$", "$1...");
    }

    /** GETs and LISTs of ConfigMaps the API server has answered so far, from its {@code apiserver_request_total}. */
    private static Map<String, Long> configMapReadsSoFar() {
        try (Connection connection = cluster.connect("default")) {
            Connection.Answer metrics = connection.exchange(Connection.Request.get("/metrics").withAccept("text/plain"));
            assertEquals(200, metrics.code(), metrics.body());
            Map<String, Long> reads = new TreeMap<>(Map.of("GET", 0L, "LIST", 0L));
            Matcher m = CONFIG_MAP_READS.matcher(metrics.body());
            while (m.find()) {
                reads.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            }
            return reads;
        }
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((verb, count) -> delta.put(verb, count - before.getOrDefault(verb, 0L)));
        return delta;
    }

    /** Writes the API server has answered so far, from its {@code apiserver_request_total} counters. */
    private static long writesSoFar() {
        try (Connection connection = cluster.connect("default")) {
            Connection.Answer metrics = connection.exchange(Connection.Request.get("/metrics").withAccept("text/plain"));
            assertEquals(200, metrics.code(), metrics.body());
            long writes = 0;
            Matcher m = WRITES.matcher(metrics.body());
            while (m.find()) {
                writes += Long.parseLong(m.group(2));
            }
            return writes;
        }
    }

    @Test
    void linesErrorsAndExitCodeAreThoseOfOneAtATimeAndOfKubectl() throws IOException {
        namespaces("k-many", "j-many", "s-many");
        Path file = Files.writeString(dir.resolve("many.yaml"), manyObjectsOneInvalid("1"));
        for (String value : List.of("1", "2")) {
            Files.writeString(file, manyObjectsOneInvalid(value));
            CommandRun kubectlRun = kubectl().run(dir, List.of("apply", "-f", file.toString(), "-n", "k-many"));
            CommandRun parallel = jctl().run("apply", "-f", file.toString(), "-n", "j-many", "--concurrency=16");
            CommandRun sequential = jctl().run("apply", "-f", file.toString(), "-n", "s-many", "--concurrency=1");
            assertEquals(1, kubectlRun.exit(), kubectlRun.describe());
            assertTrue(kubectlRun.out().contains("configmap/settings-24 "), kubectlRun.describe());
            assertSameRun("kubectl vs jctl --concurrency=16, value " + value, kubectlRun, "k-many", parallel,
                    "j-many");
            assertSameRun("jctl --concurrency=1 vs 16, value " + value, sequential, "s-many", parallel, "j-many");
        }
    }

    @Test
    void warningsComeInInputOrderWithTheirObjects() throws IOException {
        namespaces("j-warned", "s-warned");
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            yaml.append(configMap("made-" + i, "1")).append("---\n");
        }
        Path made = Files.writeString(dir.resolve("made.yaml"), yaml.toString());
        for (String namespace : List.of("j-warned", "s-warned")) {
            CommandRun created = kubectl().run(dir, List.of("create", "-f", made.toString(), "-n", namespace));
            assertEquals(0, created.exit(), created.describe());
        }
        Path changed = Files.writeString(dir.resolve("changed.yaml"), yaml.toString().replace("\"1\"", "\"2\""));

        CommandRun parallel = jctl().run("apply", "-f", changed.toString(), "-n", "j-warned", "--concurrency=8");
        CommandRun sequential = jctl().run("apply", "-f", changed.toString(), "-n", "s-warned", "--concurrency=1");

        assertEquals(20, parallel.err().lines().filter(l -> l.contains("is missing the")).count(), parallel.describe());
        assertSameRun("jctl --concurrency=1 vs 8", sequential, "s-warned", parallel, "j-warned");
    }

    @Test
    void anObjectGivenTwiceIsAppliedTwiceInTurnLikeKubectl() throws IOException {
        namespaces("k-twice", "j-twice");
        Path file = Files.writeString(dir.resolve("twice.yaml"),
                configMap("same", "1") + "---\n" + configMap("other", "1") + "---\n" + configMap("same", "2"));
        CommandRun kubectlRun = kubectl().run(dir, List.of("apply", "-f", file.toString(), "-n", "k-twice"));
        CommandRun jctlRun = jctl().run("apply", "-f", file.toString(), "-n", "j-twice", "--concurrency=8");
        assertSameRun("an object twice in one apply", kubectlRun, "k-twice", jctlRun, "j-twice");
        CommandRun live = jctl().run("get", "configmap", "same", "-n", "j-twice", "-o", "jsonpath={.data.value}");
        assertEquals("2", live.out(), live.describe());
    }

    @Test
    void objectsWaitForTheNamespacesAndDefinitionsOfEarlierRanks() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            yaml.append("apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g-").append(i)
                    .append("\n  namespace: gadgets\nspec:\n  size: ").append(i).append("\n---\n");
            yaml.append(configMap("c-" + i, "1").replace("metadata:\n", "metadata:\n  namespace: gadgets\n"))
                    .append("---\n");
        }
        yaml.append("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: gadgets.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              size: {type: integer}
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: gadgets
                """);
        Path file = Files.writeString(dir.resolve("gadgets.yaml"), yaml.toString());

        CommandRun run = jctl().run("apply", "-f", file.toString(), "--concurrency=16");

        List<String> expected = new ArrayList<>(List.of("namespace/gadgets created",
                "customresourcedefinition.apiextensions.k8s.io/gadgets.example.com created"));
        for (int i = 0; i < 12; i++) {
            expected.add("configmap/c-" + i + " created");
        }
        for (int i = 0; i < 12; i++) {
            expected.add("gadget.example.com/g-" + i + " created");
        }
        assertEquals(0, run.exit(), run.describe());
        assertEquals(expected, run.out().lines().toList(), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    @Test
    void applyingAgainWithoutAChangeSendsNoWriteAndDiffFindsNothing() throws IOException {
        namespaces("j-noop");
        Path file = Files.writeString(dir.resolve("noop.yaml"), manyObjectsOneInvalid("1").replace(
                "Invalid_Name", "settings-12"));
        CommandRun first = jctl().run("apply", "-f", file.toString(), "-n", "j-noop");
        assertEquals(0, first.exit(), first.describe());

        long before = writesSoFar();
        CommandRun again = jctl().run("apply", "-f", file.toString(), "-n", "j-noop");
        CommandRun diff = jctl().run("diff", "-f", file.toString(), "-n", "j-noop");
        long after = writesSoFar();

        assertEquals(0, again.exit(), again.describe());
        assertEquals(45, again.out().lines().filter(l -> l.endsWith(" unchanged")).count(), again.describe());
        assertEquals(0, diff.exit(), diff.describe());
        assertEquals("", diff.out(), diff.describe());
        assertEquals(before, after, "writes answered by the API server during the no-op apply and diff");
    }

    @Test
    void diffPrintsInInputOrderWhateverTheConcurrencyAndExitsLikeKubectl() throws IOException {
        namespaces("k-diffs", "j-diffs");
        Path file = Files.writeString(dir.resolve("diffs.yaml"), manyObjectsOneInvalid("1").replace(
                "Invalid_Name", "settings-12"));
        CommandRun kubectlApply = kubectl().run(dir, List.of("apply", "-f", file.toString(), "-n", "k-diffs"));
        CommandRun jctlApply = jctl().run("apply", "-f", file.toString(), "-n", "j-diffs");
        assertEquals(0, kubectlApply.exit(), kubectlApply.describe());
        assertEquals(0, jctlApply.exit(), jctlApply.describe());
        // Every fourth ConfigMap changes and one is new.
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            changed.append(configMap("settings-" + i, i % 4 == 0 ? "2" : "1")).append("---\n");
        }
        changed.append(configMap("added", "1"));
        Files.writeString(file, changed.toString());
        assertSameDiffs(file, true);

        // A document the server refuses: kubectl diff stops at its first error and shows no difference at all.
        Files.writeString(file, changed + "---\n" + service("web-3").replace("port: 80", "port: x"));
        assertSameDiffs(file, false);
    }

    private void assertSameDiffs(Path file, boolean differences) {
        CommandRun kubectlDiff = kubectl().run(dir, List.of("diff", "-f", file.toString(), "-n", "k-diffs"));
        CommandRun parallel = jctl().run("diff", "-f", file.toString(), "-n", "j-diffs", "--concurrency=16");
        CommandRun sequential = jctl().run("diff", "-f", file.toString(), "-n", "j-diffs", "--concurrency=1");

        assertEquals(kubectlDiff.exit(), parallel.exit(), kubectlDiff.describe() + "\n" + parallel.describe());
        assertEquals(differences ? 1 : 2, parallel.exit(), parallel.describe());
        assertEquals(withoutServerMadeFields(sequential.out()), withoutServerMadeFields(parallel.out()));
        assertEquals(sequential.err(), parallel.err());
        assertEquals(sequential.exit(), parallel.exit());
        assertEquals(kubectlDiff.out().isEmpty(), parallel.out().isEmpty(), kubectlDiff.describe() + "\n"
                + parallel.describe());
        assertEquals(differences, parallel.out().contains("settings-24") && parallel.out().contains("added"),
                parallel.describe());
    }

    @Test
    void liveObjectsAreListedOncePerNamespaceAndALargeNamespaceFallsBackToGetsLikeKubectl() throws IOException {
        namespaces("k-listed", "j-listed", "k-crowded", "j-crowded");
        StringBuilder crowd = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            crowd.append(configMap("crowd-%02d".formatted(i), "1")).append("---\n");
        }
        Path crowdFile = Files.writeString(dir.resolve("crowd.yaml"), crowd.toString());
        for (String namespace : List.of("k-crowded", "j-crowded")) {
            CommandRun created = kubectl().run(dir, List.of("apply", "-f", crowdFile.toString(), "-n", namespace));
            assertEquals(0, created.exit(), created.describe());
        }
        // Three of sixty existing objects (one changed) and two new ones: more than one page of the budget.
        Path some = Files.writeString(dir.resolve("some.yaml"), String.join("---\n", configMap("crowd-07", "1"),
                configMap("crowd-31", "2"), configMap("crowd-58", "1"), configMap("new-a", "1"),
                configMap("new-b", "1")));
        Path few = Files.writeString(dir.resolve("few.yaml"), String.join("---\n", configMap("a", "1"),
                configMap("b", "1"), configMap("c", "1")));

        for (String phase : List.of("create", "no change")) {
            CommandRun kubectlFew = kubectl().run(dir, List.of("apply", "-f", few.toString(), "-n", "k-listed"));
            Map<String, Long> before = configMapReadsSoFar();
            CommandRun jctlFew = jctl().run("apply", "-f", few.toString(), "-n", "j-listed");
            assertEquals(Map.of("GET", 0L, "LIST", 1L), minus(configMapReadsSoFar(), before), phase);
            assertSameRun("three objects, " + phase, kubectlFew, "k-listed", jctlFew, "j-listed");
            CommandRun kubectlDry = kubectl().run(dir, List.of("apply", "-f", few.toString(), "-n", "k-listed",
                    "--dry-run=client", "-o", "json"));
            CommandRun jctlDry = jctl().run("apply", "-f", few.toString(), "-n", "j-listed", "--dry-run=client",
                    "-o", "json");
            assertEquals(kubectlDry.out().replaceAll("\"(uid|creationTimestamp|resourceVersion|time)\": \".*\"", ""),
                    jctlDry.out().replaceAll("\"(uid|creationTimestamp|resourceVersion|time)\": \".*\"", "")
                            .replace("j-listed", "k-listed"), phase);

            CommandRun kubectlSome = kubectl().run(dir, List.of("apply", "-f", some.toString(), "-n", "k-crowded"));
            before = configMapReadsSoFar();
            CommandRun jctlSome = jctl().run("apply", "-f", some.toString(), "-n", "j-crowded");
            Map<String, Long> reads = minus(configMapReadsSoFar(), before);
            assertEquals(1L, reads.get("LIST"), reads::toString);
            assertTrue(reads.get("GET") > 0, reads::toString);
            assertSameRun("five of sixty objects, " + phase, kubectlSome, "k-crowded", jctlSome, "j-crowded");
        }
        CommandRun live = jctl().run("get", "configmap", "crowd-31", "-n", "j-crowded", "-o",
                "jsonpath={.data.value}");
        assertEquals("2", live.out(), live.describe());
    }
}
