package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The defaults kube-apiserver fills in on every write (k8s.io/kubernetes/pkg/apis/&lt;group&gt;/v1/defaults.go) for
 * the fields users see daily in {@code kubectl get -o yaml} and {@code describe}: workload strategies and history
 * limits, pod restart/DNS/termination settings, container pull policy and port protocols, probe timings, HTTP
 * handler scheme and path, field references' API version, volume file modes, service type.
 */
final class Defaults {
    /** 0644, which the API carries as the decimal 420. */
    private static final int DEFAULT_FILE_MODE = 0644;

    private Defaults() {
    }

    static void apply(KindInfo kind, ObjectNode object) {
        ObjectNode spec = object.get("spec") instanceof ObjectNode s ? s : null;
        if (spec == null) {
            return;
        }
        switch (kind.group() + "/" + kind.kind()) {
            case "/Pod" -> {
                podSpec(spec);
                putIfAbsent(spec, "enableServiceLinks", true);
                requestsFromLimits(spec);
            }
            case "/ReplicationController" -> {
                replicationController(object, spec);
                putIfAbsent(spec, "replicas", 1);
                template(spec);
            }
            case "apps/ReplicaSet" -> {
                putIfAbsent(spec, "replicas", 1);
                template(spec);
            }
            case "apps/Deployment" -> {
                putIfAbsent(spec, "replicas", 1);
                if (!spec.has("strategy")) {
                    spec.putObject("strategy").put("type", "RollingUpdate");
                }
                ObjectNode strategy = (ObjectNode) spec.get("strategy");
                if ("RollingUpdate".equals(strategy.path("type").asText("RollingUpdate"))) {
                    strategy.put("type", "RollingUpdate");
                    ObjectNode rolling = strategy.withObjectProperty("rollingUpdate");
                    putIfAbsent(rolling, "maxUnavailable", "25%");
                    putIfAbsent(rolling, "maxSurge", "25%");
                }
                putIfAbsent(spec, "revisionHistoryLimit", 10);
                putIfAbsent(spec, "progressDeadlineSeconds", 600);
                template(spec);
            }
            case "apps/StatefulSet" -> {
                putIfAbsent(spec, "replicas", 1);
                putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
                if (!spec.has("updateStrategy")) {
                    spec.putObject("updateStrategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                            .put("partition", 0);
                }
                putIfAbsent(spec, "revisionHistoryLimit", 10);
                if (!spec.has("persistentVolumeClaimRetentionPolicy")) {
                    spec.putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Retain")
                            .put("whenScaled", "Retain");
                }
                template(spec);
            }
            case "apps/DaemonSet" -> {
                if (!spec.has("updateStrategy")) {
                    spec.putObject("updateStrategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                            .put("maxUnavailable", 1).put("maxSurge", 0);
                }
                putIfAbsent(spec, "revisionHistoryLimit", 10);
                template(spec);
            }
            case "batch/Job" -> job(spec);
            case "batch/CronJob" -> {
                putIfAbsent(spec, "concurrencyPolicy", "Allow");
                putIfAbsent(spec, "suspend", false);
                putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
                putIfAbsent(spec, "failedJobsHistoryLimit", 1);
                if (spec.path("jobTemplate").path("spec") instanceof ObjectNode jobSpec) {
                    job(jobSpec);
                }
            }
            case "/Service" -> service(spec);
            default -> {
            }
        }
    }

    /**
     * core/v1 alone still takes an empty selector and empty labels from the pod template's labels (apps/v1
     * requires the selector), which is what {@code kubectl describe rc} then shows.
     */
    private static void replicationController(ObjectNode object, ObjectNode spec) {
        if (!(spec.path("template").path("metadata").path("labels") instanceof ObjectNode labels)) {
            return;
        }
        if (spec.path("selector").isEmpty()) {
            spec.set("selector", labels.deepCopy());
        }
        ObjectNode meta = object.withObjectProperty("metadata");
        if (meta.path("labels").isEmpty()) {
            meta.set("labels", labels.deepCopy());
        }
    }

    private static void job(ObjectNode spec) {
        if (!spec.has("completions") && !spec.has("parallelism")) {
            spec.put("completions", 1);
        }
        putIfAbsent(spec, "parallelism", 1);
        putIfAbsent(spec, "backoffLimit", 6);
        putIfAbsent(spec, "completionMode", "NonIndexed");
        putIfAbsent(spec, "suspend", false);
        putIfAbsent(spec, "podReplacementPolicy", "TerminatingOrFailed");
        template(spec);
    }

    private static void service(ObjectNode spec) {
        putIfAbsent(spec, "type", "ClusterIP");
        putIfAbsent(spec, "sessionAffinity", "None");
        if (!"ExternalName".equals(spec.path("type").asText())) {
            putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        }
        for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
                if (!p.has("targetPort") && p.has("port")) {
                    p.set("targetPort", p.get("port"));
                }
            }
        }
    }

    private static void template(ObjectNode spec) {
        if (spec.path("template").path("spec") instanceof ObjectNode podSpec) {
            podSpec(podSpec);
        }
    }

    private static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        for (ObjectNode container : containers(spec)) {
            container(container);
        }
        for (JsonNode volume : spec.path("volumes")) {
            volume(volume);
        }
    }

    private static List<ObjectNode> containers(ObjectNode spec) {
        List<ObjectNode> all = new ArrayList<>();
        for (String list : new String[]{"initContainers", "containers", "ephemeralContainers"}) {
            for (JsonNode container : spec.path(list)) {
                if (container instanceof ObjectNode c) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    /** SetDefaults_Pod: a resource with a limit and no request is requested at its limit (pods, not templates). */
    private static void requestsFromLimits(ObjectNode spec) {
        for (ObjectNode container : containers(spec)) {
            if (!(container.path("resources").path("limits") instanceof ObjectNode limits) || limits.isEmpty()) {
                continue;
            }
            ObjectNode requests = ((ObjectNode) container.get("resources")).withObjectProperty("requests");
            limits.fields().forEachRemaining(limit -> {
                if (!requests.has(limit.getKey())) {
                    requests.set(limit.getKey(), limit.getValue().deepCopy());
                }
            });
        }
    }

    /** Secret, ConfigMap, downward API and projected volumes: files are 0644 unless a mode is given. */
    private static void volume(JsonNode volume) {
        for (String source : new String[]{"secret", "configMap", "downwardAPI", "projected"}) {
            if (volume.get(source) instanceof ObjectNode s) {
                putIfAbsent(s, "defaultMode", DEFAULT_FILE_MODE);
            }
        }
        fieldRefs(volume.path("downwardAPI").path("items"));
        for (JsonNode projection : volume.path("projected").path("sources")) {
            fieldRefs(projection.path("downwardAPI").path("items"));
        }
    }

    private static void fieldRefs(JsonNode items) {
        for (JsonNode item : items) {
            if (item.get("fieldRef") instanceof ObjectNode ref) {
                putIfAbsent(ref, "apiVersion", "v1");
            }
        }
    }

    private static void container(ObjectNode container) {
        putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
        putIfAbsent(container, "terminationMessagePolicy", "File");
        putIfAbsent(container, "imagePullPolicy", pullPolicy(container.path("image").asText("")));
        if (!container.has("resources")) {
            container.putObject("resources");
        }
        for (JsonNode port : container.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
            }
        }
        for (String name : new String[]{"livenessProbe", "readinessProbe", "startupProbe"}) {
            if (container.get(name) instanceof ObjectNode probe) {
                probe(probe);
            }
        }
        httpGet(container.path("lifecycle").path("postStart"));
        httpGet(container.path("lifecycle").path("preStop"));
        for (JsonNode env : container.path("env")) {
            if (env.path("valueFrom").get("fieldRef") instanceof ObjectNode ref) {
                putIfAbsent(ref, "apiVersion", "v1");
            }
        }
    }

    private static void probe(ObjectNode probe) {
        putIfAbsent(probe, "timeoutSeconds", 1);
        putIfAbsent(probe, "periodSeconds", 10);
        putIfAbsent(probe, "successThreshold", 1);
        putIfAbsent(probe, "failureThreshold", 3);
        httpGet(probe);
    }

    private static void httpGet(JsonNode handler) {
        if (handler.get("httpGet") instanceof ObjectNode get) {
            if (get.path("path").asText().isEmpty()) {
                get.put("path", "/");
            }
            putIfAbsent(get, "scheme", "HTTP");
        }
    }

    /** Always for ":latest" or untagged images, IfNotPresent for any other tag or a digest. */
    static String pullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
    }

    private static void putIfAbsent(ObjectNode node, String field, Object value) {
        if (node.hasNonNull(field)) {
            return;
        }
        if (value instanceof String s) {
            node.put(field, s);
        } else if (value instanceof Integer i) {
            node.put(field, i);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        }
    }
}
