package dev.jctl.diff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestReader;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.diff.smp.StrategicMergePatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the patch engine costs an apply, on one thread: parsing a manifest and computing its three-way strategic
 * merge patch against a live object that carries server defaults and status. Prints the cost of one typical
 * Deployment (~3 KB of YAML) and of a pass over 1,000 varied manifests, best and median of several passes after
 * a warm-up. Run through {@code bench/patch-engine.sh}.
 */
public final class PatchEngineBenchmark {
    private static final int MANIFESTS = 1_000;
    private static final int PASSES = 15;

    private PatchEngineBenchmark() {
    }

    public static void main(String[] args) {
        PatchMeta deployment = BuiltinPatchMeta.forKind("apps/v1", "Deployment").orElseThrow();
        ManifestReader reader = new ManifestReader();
        List<Case> cases = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < MANIFESTS; i++) {
            Case c = Case.of(reader, i);
            bytes += c.modifiedYaml.length();
            cases.add(c);
        }
        Case typical = cases.get(7);
        System.out.printf("typical Deployment: %d bytes of YAML; %d manifests: %d KB of YAML%n",
                typical.modifiedYaml.length(), MANIFESTS, bytes / 1024);

        // Warm-up: let the JIT compile the parser and the patch engine before anything is timed.
        for (int i = 0; i < 5; i++) {
            pass(reader, cases, deployment);
        }
        long[] single = new long[PASSES];
        for (int p = 0; p < PASSES; p++) {
            int rounds = 2_000;
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                one(reader, typical, deployment);
            }
            single[p] = (System.nanoTime() - start) / rounds;
        }
        long[] whole = new long[PASSES];
        for (int p = 0; p < PASSES; p++) {
            long start = System.nanoTime();
            pass(reader, cases, deployment);
            whole[p] = System.nanoTime() - start;
        }
        Arrays.sort(single);
        Arrays.sort(whole);
        System.out.printf("parse + three-way SMP, one typical Deployment: best %.1f us, median %.1f us%n",
                single[0] / 1e3, single[PASSES / 2] / 1e3);
        System.out.printf("parse + three-way SMP, %d varied manifests: best %.1f ms, median %.1f ms (one thread)%n",
                MANIFESTS, whole[0] / 1e6, whole[PASSES / 2] / 1e6);
    }

    private static int pass(ManifestReader reader, List<Case> cases, PatchMeta meta) {
        int changed = 0;
        for (Case c : cases) {
            changed += one(reader, c, meta);
        }
        return changed;
    }

    /** Parse the new manifest and compute its patch: the engine's share of applying one object. */
    private static int one(ManifestReader reader, Case c, PatchMeta meta) {
        Manifest modified = reader.read("bench.yaml", c.modifiedYaml).get(0);
        ObjectNode patch = StrategicMergePatch.createThreeWay(c.original, modified.object(), c.live, meta, true);
        return patch.size();
    }

    /** One manifest: its last-applied version, the live object, and the new version as YAML text. */
    private record Case(JsonNode original, JsonNode live, String modifiedYaml) {
        static Case of(ManifestReader reader, int i) {
            ObjectNode original = reader.read("gen.yaml", deploymentYaml(i, 0)).get(0).object();
            return new Case(original, live(original), deploymentYaml(i, 1 + i % 4));
        }

        /** What a server returns: the applied object plus defaults, bookkeeping and status. */
        private static ObjectNode live(ObjectNode applied) {
            ObjectNode live = applied.deepCopy();
            ObjectNode metadata = live.with("metadata");
            metadata.put("uid", "6f1f8f3e-0000-4000-8000-000000000000").put("resourceVersion", "12345")
                    .put("generation", 3).put("creationTimestamp", "2026-11-23T10:00:00Z");
            ObjectNode spec = live.with("spec");
            spec.put("progressDeadlineSeconds", 600).put("revisionHistoryLimit", 10);
            spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                    .put("maxSurge", "25%").put("maxUnavailable", "25%");
            ObjectNode podSpec = spec.with("template").with("spec");
            podSpec.put("restartPolicy", "Always").put("dnsPolicy", "ClusterFirst")
                    .put("terminationGracePeriodSeconds", 30).put("schedulerName", "default-scheduler");
            for (JsonNode container : (ArrayNode) podSpec.get("containers")) {
                ((ObjectNode) container).put("imagePullPolicy", "IfNotPresent")
                        .put("terminationMessagePath", "/dev/termination-log")
                        .put("terminationMessagePolicy", "File");
            }
            live.putObject("status").put("observedGeneration", 3).put("replicas", 3).put("readyReplicas", 3)
                    .put("updatedReplicas", 3).put("availableReplicas", 3);
            return live;
        }
    }

    /**
     * A Deployment of about 3 KB; {@code change} 0 is the applied version, 1..4 the next one: an image bump, an
     * env var added, a sidecar removed, a port and a volume added.
     */
    static String deploymentYaml(int i, int change) {
        String name = "app-" + i;
        StringBuilder env = new StringBuilder();
        for (int e = 0; e < 8 + i % 5; e++) {
            env.append("""
                            - name: SETTING_%d
                              value: "value-%d-%d"
                    """.formatted(e, i, e));
        }
        if (change == 2) {
            env.append("""
                            - name: FEATURE_FLAG
                              value: "on"
                    """);
        }
        String sidecar = change == 3 ? "" : """
                          - name: log-shipper
                            image: registry.example.com/shipper:2.1.%d
                            args: ["--target", "collector.logging.svc:24224", "--buffer", "8Mi"]
                            resources:
                              requests: {cpu: 50m, memory: 64Mi}
                              limits: {cpu: 100m, memory: 128Mi}
                            volumeMounts:
                            - name: logs
                              mountPath: /var/log/app
                    """.formatted(i % 7);
        String extraPort = change == 4 ? """
                            - name: admin
                              containerPort: 9090
                    """ : "";
        String extraVolume = change == 4 ? """
                          - name: cache
                            emptyDir: {sizeLimit: 1Gi}
                    """ : "";
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: team-%d
                  labels:
                    app.kubernetes.io/name: %s
                    app.kubernetes.io/part-of: shop
                    app.kubernetes.io/version: "1.%d"
                  annotations:
                    owner: team-%d@example.com
                spec:
                  replicas: %d
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: %s
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: %s
                        app.kubernetes.io/part-of: shop
                    spec:
                      serviceAccountName: %s
                      containers:
                      - name: app
                        image: registry.example.com/%s:1.%d.%d
                        args: ["serve", "--port=8080", "--metrics-port=9100"]
                        ports:
                        - name: http
                          containerPort: 8080
                        - name: metrics
                          containerPort: 9100
                %s        env:
                %s        resources:
                          requests: {cpu: 250m, memory: 256Mi}
                          limits: {cpu: "1", memory: 512Mi}
                        readinessProbe:
                          httpGet: {path: /ready, port: http}
                          periodSeconds: 5
                        livenessProbe:
                          httpGet: {path: /healthz, port: http}
                          initialDelaySeconds: 10
                        volumeMounts:
                        - name: config
                          mountPath: /etc/app
                          readOnly: true
                        - name: logs
                          mountPath: /var/log/app
                %s      volumes:
                      - name: config
                        configMap:
                          name: %s-config
                      - name: logs
                        emptyDir: {}
                %s      tolerations:
                      - key: dedicated
                        operator: Equal
                        value: shop
                        effect: NoSchedule
                """.formatted(name, i % 20, name, i % 9, i % 20, 2 + i % 3, name, name, name, name, i % 9,
                change == 1 ? 1 : 0, extraPort, env, sidecar, name, extraVolume);
    }
}
