package dev.jctl.cli.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.JctlRunner;
import dev.jctl.cli.testing.KubectlBinary;
import dev.jctl.cli.testing.LiveCluster;
import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestReader;
import dev.jctl.diff.io.YamlWriter;
import dev.jctl.diff.json.JsonValues;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential suite: every folder under {@code apply-sequences/} is a sequence of steps, applied by the real
 * kubectl into one namespace and by jctl into another, and alternately by both tools (kubectl first, jctl first)
 * into two more. After every step all four namespaces hold the same objects and every tool printed what kubectl
 * printed. A step is {@code step-N.yaml} (applied with {@code apply -f}) or {@code step-N.kubectl} (one kubectl
 * command line run in every namespace, e.g. {@code scale deployment/web --replicas=5}, to change objects behind
 * apply's back). A folder with a {@code pending.txt} is skipped, the file saying what it waits for.
 */
class ApplySequencesTest {
    private static final List<String> SERVER_METADATA =
            List.of("namespace", "uid", "resourceVersion", "creationTimestamp", "managedFields", "selfLink");

    @TempDir
    static Path dir;
    private static LiveCluster cluster;

    @BeforeAll
    static void start() {
        cluster = LiveCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> sequences() throws IOException, URISyntaxException {
        Path root = Path.of(ApplySequencesTest.class.getResource("/apply-sequences").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).sorted()
                    .map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)))
                    .toList().stream();
        }
    }

    /** The four ways of applying a sequence; the first is the reference. */
    private enum Mode {
        KUBECTL("k"), JCTL("j"), KUBECTL_THEN_JCTL("kj"), JCTL_THEN_KUBECTL("jk");

        final String prefix;

        Mode(String prefix) {
            this.prefix = prefix;
        }

        boolean jctlAppliesStep(int step) {
            return switch (this) {
                case KUBECTL -> false;
                case JCTL -> true;
                case KUBECTL_THEN_JCTL -> step % 2 == 0;
                case JCTL_THEN_KUBECTL -> step % 2 == 1;
            };
        }
    }

    private void run(Path folder) throws IOException {
        Path pending = folder.resolve("pending.txt");
        assumeFalse(Files.exists(pending), () -> "pending: " + read(pending));
        KubectlBinary kubectl = KubectlBinary.require(cluster.kubeconfig(), cluster.cacheDir().resolve("kubectl"));
        JctlRunner jctl = new JctlRunner(cluster.kubeconfig(), cluster.cacheDir().resolve("jctl"));
        String name = folder.getFileName().toString();
        Map<Mode, String> namespaces = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            String namespace = (mode.prefix + "-" + name);
            namespace = namespace.length() > 63 ? namespace.substring(0, 63) : namespace;
            namespaces.put(mode, namespace);
            CommandRun created = kubectl.run(folder, List.of("create", "namespace", namespace));
            assertEquals(0, created.exit(), created.describe());
        }
        List<Path> steps = steps(folder);
        List<Manifest> tracked = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Path step = steps.get(i);
            String label = name + "/" + step.getFileName();
            if (step.toString().endsWith(".kubectl")) {
                List<String> args = Arrays.asList(Files.readString(step).strip().split("\\s+"));
                for (String namespace : namespaces.values()) {
                    List<String> withNamespace = new ArrayList<>(args);
                    withNamespace.add("--namespace=" + namespace);
                    CommandRun result = kubectl.run(folder, withNamespace);
                    assertEquals(0, result.exit(), label + " in " + namespace + ": " + result.describe());
                }
                for (String arg : args) {
                    if (arg.endsWith(".yaml") && Files.isRegularFile(folder.resolve(arg))) {
                        tracked.addAll(new ManifestReader().read(folder.resolve(arg)));
                    }
                }
            } else {
                tracked.addAll(new ManifestReader().read(step));
                CommandRun reference = null;
                for (Mode mode : Mode.values()) {
                    String namespace = namespaces.get(mode);
                    CommandRun result = mode.jctlAppliesStep(i)
                            ? jctl.run("apply", "-f", step.toString(), "--namespace=" + namespace)
                            : kubectl.run(folder, List.of("apply", "-f", step.getFileName().toString(),
                                    "--namespace=" + namespace));
                    if (reference == null) {
                        reference = result;
                        continue;
                    }
                    String who = label + " (" + mode + ")";
                    assertEquals(reference.exit(), result.exit(), who + " exit code\nkubectl: " + reference.describe()
                            + "\nthis: " + result.describe());
                    assertEquals(reference.out(), result.out(), who + " output\nkubectl: " + reference.describe()
                            + "\nthis: " + result.describe());
                }
            }
            compareLiveObjects(label, namespaces, tracked);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> steps(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> steps = files.filter(p -> p.getFileName().toString().matches("step-\\d+\\.(yaml|kubectl)"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
            assertTrue(!steps.isEmpty(), folder + " has no step-N.yaml");
            return steps;
        }
    }

    private static int number(Path step) {
        String file = step.getFileName().toString();
        return Integer.parseInt(file.substring("step-".length(), file.indexOf('.')));
    }

    private static void compareLiveObjects(String label, Map<Mode, String> namespaces, List<Manifest> tracked) {
        try (Connection connection = cluster.connect("default")) {
            Discovery discovery = new Discovery(connection);
            for (Manifest manifest : tracked) {
                ApiResource resource = discovery.forKind(manifest.apiVersion(), manifest.kind()).orElseThrow();
                JsonNode reference = null;
                String referenceNamespace = null;
                for (Map.Entry<Mode, String> e : namespaces.entrySet()) {
                    Connection.Answer answer = connection.exchange(
                            Connection.Request.get(resource.objectPath(e.getValue(), manifest.name())));
                    JsonNode live = answer.code() == 404 ? null : normalized(answer.json(), e.getValue());
                    if (answer.code() != 404 && answer.code() != 200) {
                        fail(label + ": GET " + manifest.name() + " in " + e.getValue() + " answered " + answer.body());
                    }
                    if (e.getKey() == Mode.KUBECTL) {
                        reference = live;
                        referenceNamespace = e.getValue();
                    } else if (!JsonValues.equal(reference, live)) {
                        fail(label + ": " + resource.qualifiedPlural() + "/" + manifest.name() + " in "
                                + e.getValue() + " differs from " + referenceNamespace + "\nkubectl:\n"
                                + yaml(reference) + "\n" + e.getKey() + ":\n" + yaml(live));
                    }
                }
            }
        }
    }

    private static String yaml(JsonNode node) {
        return node == null ? "(absent)" : YamlWriter.sortedKeys().write(node);
    }

    /** The object without what differs between any two namespaces by nature. */
    private static JsonNode normalized(JsonNode live, String namespace) {
        ObjectNode copy = live.deepCopy();
        ObjectNode metadata = copy.withObjectProperty("metadata");
        metadata.remove(SERVER_METADATA);
        if (copy.path("kind").asText().equals("Service") && copy.get("spec") instanceof ObjectNode spec) {
            // Addresses and ports the server allocates are unique per object, so they differ between namespaces.
            spec.remove(List.of("clusterIP", "clusterIPs", "healthCheckNodePort"));
            spec.path("ports").forEach(port -> ((ObjectNode) port).remove("nodePort"));
        }
        JsonNode annotations = metadata.get("annotations");
        if (annotations instanceof ObjectNode a && a.has(LastAppliedConfiguration.ANNOTATION)) {
            a.put(LastAppliedConfiguration.ANNOTATION, a.get(LastAppliedConfiguration.ANNOTATION).asText()
                    .replace("\"namespace\":\"" + namespace + "\"", "\"namespace\":\"NS\""));
        }
        return copy;
    }
}
