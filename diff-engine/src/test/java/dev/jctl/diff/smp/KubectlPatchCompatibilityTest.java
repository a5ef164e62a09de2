package dev.jctl.diff.smp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applies strategic merge patches to built-in kinds both here (with {@link BuiltinPatchMeta}) and with the real
 * {@code kubectl patch --local}, and expects the same object or an error from both. Skipped when kubectl is
 * not on the PATH.
 */
class KubectlPatchCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web}, finalizers: [a/one, a/two]}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
                    ports: [{containerPort: 80, name: http}, {containerPort: 443, name: https}]
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                    volumeMounts: [{name: data, mountPath: /data}]
                  - name: sidecar
                    image: busybox
                  volumes: [{name: data, emptyDir: {}}, {name: cfg, configMap: {name: cfg}}]
                  tolerations: [{key: a, operator: Exists}]
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: 8080}, {name: https, port: 443, targetPort: 8443}]
            """;

    private static final String PDB = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 1, selector: {matchLabels: {app: web, tier: front}}}
            """;

    static Stream<Arguments> patches() {
        return Stream.of(
                Arguments.of("add container", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"image\":\"fluentbit\"}]}}}}"),
                Arguments.of("delete container", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"$patch\":\"delete\"}]}}}}"),
                Arguments.of("change env and image", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:2\","
                                + "\"env\":[{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"}]}]}}}}"),
                Arguments.of("set element order", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"sidecar\"},"
                                + "{\"name\":\"web\"}],\"containers\":[{\"name\":\"web\",\"image\":\"x\"}]}}}}"),
                Arguments.of("ports by containerPort", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"ports\":"
                                + "[{\"containerPort\":443,\"name\":\"tls\"},{\"containerPort\":8080}]}]}}}}"),
                Arguments.of("tolerations replaced", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"tolerations\":[{\"key\":\"b\",\"operator\":\"Exists\"}]}}}}"),
                Arguments.of("volume source swapped with retainKeys", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"volumes\":[{\"name\":\"data\",\"hostPath\":{\"path\":\"/x\"},"
                                + "\"$retainKeys\":[\"hostPath\",\"name\"]}]}}}}"),
                Arguments.of("strategy retainKeys", DEPLOYMENT,
                        "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}"),
                Arguments.of("delete from primitive list", DEPLOYMENT,
                        "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a/one\"]}}"),
                Arguments.of("merge primitive list", DEPLOYMENT,
                        "{\"metadata\":{\"finalizers\":[\"a/three\",\"a/one\"]}}"),
                Arguments.of("null deletes and replace directive", DEPLOYMENT,
                        "{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"tier\":\"x\"}},\"spec\":{\"replicas\":null}}"),
                Arguments.of("list replace directive", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"$patch\":\"replace\"},"
                                + "{\"name\":\"only\",\"image\":\"x\"}]}}}}"),
                Arguments.of("missing merge key", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}"),
                Arguments.of("delete and add with set element order", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"log\"}],"
                                + "\"containers\":[{\"name\":\"web\",\"$patch\":\"delete\"},{\"name\":\"log\",\"image\":\"x\"}]}}}}"),
                Arguments.of("duplicate merge keys", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"x\",\"image\":\"1\"},"
                                + "{\"name\":\"x\",\"image\":\"2\"},{\"name\":\"sidecar\",\"image\":\"3\"}]}}}}"),
                Arguments.of("duplicates in a merged primitive list", DEPLOYMENT,
                        "{\"metadata\":{\"finalizers\":[\"a/two\",\"a/zero\",\"a/zero\",\"a/one\"]}}"),
                Arguments.of("merge directive in a list is rejected", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"$patch\":\"merge\"}]}}}}"),
                Arguments.of("unknown directive is rejected", DEPLOYMENT,
                        "{\"spec\":{\"selector\":{\"$patch\":\"bogus\"}}}"),
                Arguments.of("nulls inside a new object are dropped", DEPLOYMENT,
                        "{\"spec\":{\"template\":{\"spec\":{\"securityContext\":{\"runAsUser\":1,\"fsGroup\":null}}}}}"),
                Arguments.of("type change int to string", DEPLOYMENT,
                        "{\"spec\":{\"strategy\":{\"rollingUpdate\":{\"maxSurge\":\"25%\"}}}}"),
                Arguments.of("replace strategy on a map", PDB,
                        "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"api\"}}}}"),
                Arguments.of("service ports by port", SERVICE,
                        "{\"spec\":{\"ports\":[{\"port\":443,\"targetPort\":9443},{\"port\":8080,\"name\":\"alt\"}]}}"),
                Arguments.of("service port deleted", SERVICE,
                        "{\"spec\":{\"ports\":[{\"port\":80,\"$patch\":\"delete\"}],\"selector\":{\"app\":null,\"v\":\"2\"}}}"));
    }

    /** kubectl's answers, all started at once: each run costs a process start of about half a second. */
    private static final Map<String, CompletableFuture<Kubectl>> KUBECTL = new ConcurrentHashMap<>();

    @TempDir
    static Path work;

    @BeforeAll
    static void runKubectlForEveryCase() {
        if (!kubectlOnPath()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        patches().forEach(arguments -> {
            Object[] a = arguments.get();
            String name = (String) a[0];
            KUBECTL.put(name, CompletableFuture.supplyAsync(() -> kubectlPatch(name, (String) a[1], (String) a[2]), pool));
        });
        pool.shutdown();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patches")
    void sameResultAsKubectl(String name, String manifestYaml, String patch) throws Exception {
        assumeTrue(kubectlOnPath(), "kubectl is not on the PATH");
        Kubectl kubectl = KUBECTL.get(name).get(120, TimeUnit.SECONDS);
        JsonNode manifest = StrategicMergePatchTest.yaml(manifestYaml);
        PatchMeta meta = BuiltinPatchMeta.forKind(manifest.get("apiVersion").asText(), manifest.get("kind").asText())
                .orElseThrow();
        JsonNode ours;
        try {
            ours = StrategicMergePatch.apply(manifest, JSON.readTree(patch), meta);
        } catch (PatchException e) {
            assertTrue(kubectl.exitCode != 0, () -> "we failed (" + e.getMessage() + "), kubectl gave " + kubectl.out);
            return;
        }
        assertEquals(0, kubectl.exitCode, () -> "kubectl failed (" + kubectl.err + "), we gave " + ours);
        JsonNode theirs = JSON.readTree(kubectl.out);
        assertTrue(JsonValues.equal(theirs, ours), () -> "kubectl: " + theirs + "\njctl:    " + ours);
    }

    private static Kubectl kubectlPatch(String name, String manifestYaml, String patch) {
        try {
            Path dir = Files.createDirectory(work.resolve(name.replaceAll("[^A-Za-z0-9]", "-")));
            Path file = dir.resolve("manifest.json");
            Files.writeString(file, JSON.writeValueAsString(StrategicMergePatchTest.yaml(manifestYaml)));
            return kubectl(dir, "patch", "--local", "-f", file.toString(), "--type", "strategic", "-p", patch,
                    "-o", "json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Kubectl(int exitCode, String out, String err) {}

    private static Kubectl kubectl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // An empty kubeconfig: --local must not need a cluster.
        pb.environment().put("KUBECONFIG", dir.resolve("kubeconfig").toString());
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl timed out");
        }
        return new Kubectl(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean kubectlOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl")));
    }
}
