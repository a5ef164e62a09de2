package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pod parts of describe: containers, volumes, topology spread and the pod template of workloads. */
final class PodSections {
    private PodSections() {
    }

    /** The pod a container's fieldRef env var reads from, or null inside a template (nothing to resolve). */
    private record Env(JsonNode pod) {
        String fieldValue(String fieldPath) {
            if (pod == null) {
                return "";
            }
            // kubectl's scheme converts only these two field labels; other paths show no value.
            return switch (fieldPath) {
                case "metadata.name" -> pod.path("metadata").path("name").asText();
                case "metadata.namespace" -> pod.path("metadata").path("namespace").asText();
                default -> "";
            };
        }
    }

    /** kubectl's {@code DescribePodTemplate}. */
    static void podTemplate(PrefixWriter w, JsonNode template) {
        w.write(0, "Pod Template:\n");
        if (!Text.present(template)) {
            w.write(1, "<unset>");
            return;
        }
        JsonNode metadata = template.path("metadata");
        JsonNode spec = template.path("spec");
        Sections.labels(w, "  Labels", metadata.path("labels"));
        if (!metadata.path("annotations").isEmpty()) {
            Sections.annotations(w, "  Annotations", metadata.path("annotations"));
        }
        if (!Text.str(spec.path("serviceAccountName")).isEmpty()) {
            w.write(1, "Service Account:\t" + spec.path("serviceAccountName").asText() + "\n");
        }
        Env env = new Env(null);
        if (!spec.path("initContainers").isEmpty()) {
            containers(w, "Init Containers", spec.path("initContainers"), null, env, "  ");
        }
        containers(w, "Containers", spec.path("containers"), null, env, "  ");
        volumes(w, spec.path("volumes"), "  ");
        topologySpread(w, spec.path("topologySpreadConstraints"), "  ");
        if (!Text.str(spec.path("priorityClassName")).isEmpty()) {
            w.write(1, "Priority Class Name:\t" + spec.path("priorityClassName").asText() + "\n");
        }
        Sections.labels(w, "  Node-Selectors", spec.path("nodeSelector"));
        Sections.tolerations(w, "  Tolerations", spec.path("tolerations"));
    }

    /** The containers of a pod, with their statuses. */
    static void podContainers(PrefixWriter w, String label, JsonNode containers, JsonNode statuses, JsonNode pod) {
        containers(w, label, containers, statuses, new Env(pod), "");
    }

    private static void containers(PrefixWriter w, String label, JsonNode containers, JsonNode statuses, Env env,
                                   String space) {
        Map<String, JsonNode> byName = new HashMap<>();
        if (statuses != null) {
            statuses.forEach(s -> byName.put(s.path("name").asText(), s));
        }
        w.write(0, space + label + ":" + (containers.isEmpty() ? " <none>" : "") + "\n");
        for (JsonNode container : containers) {
            JsonNode status = byName.get(container.path("name").asText());
            basicInfo(w, container, status, space);
            command(w, container);
            if (status != null) {
                state(w, "State", status.path("state"));
                if (Text.present(status.path("lastState").path("terminated"))) {
                    state(w, "Last State", status.path("lastState"));
                }
                w.write(2, "Ready:\t" + Text.bool(status.path("ready").asBoolean(false)) + "\n");
                w.write(2, "Restart Count:\t" + status.path("restartCount").asLong(0) + "\n");
            }
            resources(w, container.path("resources"), 2);
            probes(w, container);
            if (!container.path("envFrom").isEmpty()) {
                envFrom(w, container.path("envFrom"));
            }
            env(w, container, env);
            mounts(w, container);
        }
    }

    private static void basicInfo(PrefixWriter w, JsonNode container, JsonNode status, String space) {
        w.write(1, (space.isEmpty() ? "" : " ") + container.path("name").asText() + ":\n");
        if (status != null) {
            w.write(2, "Container ID:\t" + Text.str(status.path("containerID")) + "\n");
        }
        w.write(2, "Image:\t" + Text.str(container.path("image")) + "\n");
        if (status != null) {
            w.write(2, "Image ID:\t" + Text.str(status.path("imageID")) + "\n");
        }
        List<String> ports = new ArrayList<>();
        List<String> hostPorts = new ArrayList<>();
        for (JsonNode port : container.path("ports")) {
            String protocol = Text.str(port.path("protocol"));
            ports.add(port.path("containerPort").asLong(0) + "/" + protocol);
            hostPorts.add(port.path("hostPort").asLong(0) + "/" + protocol);
        }
        String portText = String.join(", ", ports);
        w.write(2, (portText.contains(",") ? "Ports:\t" : "Port:\t") + Text.orNone(portText) + "\n");
        String hostPortText = String.join(", ", hostPorts);
        w.write(2, (hostPortText.contains(",") ? "Host Ports:\t" : "Host Port:\t") + Text.orNone(hostPortText)
                + "\n");
        JsonNode seccomp = container.path("securityContext").path("seccompProfile");
        if (Text.present(seccomp)) {
            w.write(2, "SeccompProfile:\t" + Text.str(seccomp.path("type")) + "\n");
            if ("Localhost".equals(Text.str(seccomp.path("type")))) {
                w.write(3, "LocalhostProfile:\t" + Text.str(seccomp.path("localhostProfile")) + "\n");
            }
        }
    }

    private static void command(PrefixWriter w, JsonNode container) {
        for (String field : List.of("command", "args")) {
            JsonNode items = container.path(field);
            if (items.isEmpty()) {
                continue;
            }
            w.write(2, (field.equals("command") ? "Command" : "Args") + ":\n");
            for (JsonNode item : items) {
                for (String line : item.asText().split("\n", -1)) {
                    w.write(3, line + "\n");
                }
            }
        }
    }

    private static void state(PrefixWriter w, String name, JsonNode state) {
        if (Text.present(state.path("running"))) {
            w.write(2, name + ":\tRunning\n");
            w.write(3, "Started:\t" + Text.timestamp(state.path("running").path("startedAt")) + "\n");
        } else if (Text.present(state.path("waiting"))) {
            w.write(2, name + ":\tWaiting\n");
            if (!Text.str(state.path("waiting").path("reason")).isEmpty()) {
                w.write(3, "Reason:\t" + state.path("waiting").path("reason").asText() + "\n");
            }
        } else if (Text.present(state.path("terminated"))) {
            JsonNode terminated = state.path("terminated");
            w.write(2, name + ":\tTerminated\n");
            if (!Text.str(terminated.path("reason")).isEmpty()) {
                w.write(3, "Reason:\t" + terminated.path("reason").asText() + "\n");
            }
            if (!Text.str(terminated.path("message")).isEmpty()) {
                w.write(3, "Message:\t" + terminated.path("message").asText() + "\n");
            }
            w.write(3, "Exit Code:\t" + terminated.path("exitCode").asLong(0) + "\n");
            if (terminated.path("signal").asLong(0) > 0) {
                w.write(3, "Signal:\t" + terminated.path("signal").asLong() + "\n");
            }
            w.write(3, "Started:\t" + Text.timestamp(terminated.path("startedAt")) + "\n");
            w.write(3, "Finished:\t" + Text.timestamp(terminated.path("finishedAt")) + "\n");
        } else {
            w.write(2, name + ":\tWaiting\n");
        }
    }

    /** Limits then requests, each sorted by resource name, in canonical quantities. */
    static void resources(PrefixWriter w, JsonNode resources, int level) {
        for (String section : List.of("limits", "requests")) {
            Map<String, String> list = new TreeMap<>();
            resources.path(section).fields().forEachRemaining(e ->
                    list.put(e.getKey(), Quantity.of(e.getValue()).toString()));
            if (list.isEmpty()) {
                continue;
            }
            w.write(level, (section.equals("limits") ? "Limits" : "Requests") + ":\n");
            list.forEach((name, quantity) -> w.write(level + 1, name + ":\t" + quantity + "\n"));
        }
    }

    private static void probes(PrefixWriter w, JsonNode container) {
        if (Text.present(container.path("livenessProbe"))) {
            w.write(2, "Liveness:\t" + probe(container.path("livenessProbe")) + "\n");
        }
        if (Text.present(container.path("readinessProbe"))) {
            w.write(2, "Readiness:\t" + probe(container.path("readinessProbe")) + "\n");
        }
        if (Text.present(container.path("startupProbe"))) {
            w.write(2, "Startup:\t" + probe(container.path("startupProbe")) + "\n");
        }
    }

    /** kubectl's {@code DescribeProbe}. */
    static String probe(JsonNode probe) {
        String attributes = "delay=" + probe.path("initialDelaySeconds").asLong(0) + "s timeout="
                + probe.path("timeoutSeconds").asLong(0) + "s period=" + probe.path("periodSeconds").asLong(0)
                + "s #success=" + probe.path("successThreshold").asLong(0) + " #failure="
                + probe.path("failureThreshold").asLong(0);
        if (Text.present(probe.path("exec"))) {
            return "exec " + Text.goList(probe.path("exec").path("command")) + " " + attributes;
        }
        if (Text.present(probe.path("httpGet"))) {
            JsonNode get = probe.path("httpGet");
            String port = Text.intOrString(get.path("port"));
            String host = Text.str(get.path("host"));
            String hostPort = port.isEmpty() ? host
                    : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            String scheme = Text.str(get.path("scheme")).toLowerCase(java.util.Locale.ROOT);
            String url = (scheme.isEmpty() ? "" : scheme + ":") + "//" + hostPort + Text.str(get.path("path"));
            return "http-get " + url + " " + attributes;
        }
        if (Text.present(probe.path("tcpSocket"))) {
            JsonNode socket = probe.path("tcpSocket");
            return "tcp-socket " + Text.str(socket.path("host")) + ":" + Text.intOrString(socket.path("port")) + " "
                    + attributes;
        }
        if (Text.present(probe.path("grpc"))) {
            JsonNode grpc = probe.path("grpc");
            return "grpc <pod>:" + grpc.path("port").asLong() + " " + Text.str(grpc.path("service")) + " "
                    + attributes;
        }
        return "unknown " + attributes;
    }

    private static void envFrom(PrefixWriter w, JsonNode envFrom) {
        w.write(2, "Environment Variables from:\n");
        for (JsonNode source : envFrom) {
            String from = "";
            JsonNode ref = null;
            if (Text.present(source.path("configMapRef"))) {
                from = "ConfigMap";
                ref = source.path("configMapRef");
            } else if (Text.present(source.path("secretRef"))) {
                from = "Secret";
                ref = source.path("secretRef");
            }
            String name = ref == null ? "" : Text.str(ref.path("name"));
            boolean optional = ref != null && ref.path("optional").asBoolean(false);
            String prefix = Text.str(source.path("prefix"));
            w.write(3, name + "\t" + from + (prefix.isEmpty() ? "" : " with prefix '" + prefix + "'")
                    + "\tOptional: " + optional + "\n");
        }
    }

    private static void env(PrefixWriter w, JsonNode container, Env resolver) {
        JsonNode env = container.path("env");
        w.write(2, "Environment:" + (env.isEmpty() ? "\t<none>" : "") + "\n");
        for (JsonNode variable : env) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (!Text.present(from)) {
                String[] lines = Text.str(variable.path("value")).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    w.write(3, (i == 0 ? name + ":\t" : "\t") + lines[i] + "\n");
                }
            } else if (Text.present(from.path("fieldRef"))) {
                JsonNode ref = from.path("fieldRef");
                String path = Text.str(ref.path("fieldPath"));
                w.write(3, name + ":\t" + resolver.fieldValue(path) + " (" + Text.str(ref.path("apiVersion")) + ":"
                        + path + ")\n");
            } else if (Text.present(from.path("resourceFieldRef"))) {
                JsonNode ref = from.path("resourceFieldRef");
                String resource = Text.str(ref.path("resource"));
                String value = resourceValue(ref, container);
                if (value.equals("0") && (resource.equals("limits.cpu") || resource.equals("limits.memory"))) {
                    value = "node allocatable";
                }
                w.write(3, name + ":\t" + value + " (" + resource + ")\n");
            } else if (Text.present(from.path("secretKeyRef"))) {
                JsonNode ref = from.path("secretKeyRef");
                w.write(3, name + ":\t<set to the key '" + Text.str(ref.path("key")) + "' in secret '"
                        + Text.str(ref.path("name")) + "'>\tOptional: " + ref.path("optional").asBoolean(false)
                        + "\n");
            } else if (Text.present(from.path("configMapKeyRef"))) {
                JsonNode ref = from.path("configMapKeyRef");
                w.write(3, name + ":\t<set to the key '" + Text.str(ref.path("key")) + "' of config map '"
                        + Text.str(ref.path("name")) + "'>\tOptional: " + ref.path("optional").asBoolean(false)
                        + "\n");
            }
        }
    }

    /** kubectl's {@code ExtractContainerResourceValue}: the container's request or limit over the divisor. */
    private static String resourceValue(JsonNode ref, JsonNode container) {
        String resource = Text.str(ref.path("resource"));
        int dot = resource.indexOf('.');
        if (dot < 0) {
            return "";
        }
        String section = resource.substring(0, dot);
        String name = resource.substring(dot + 1);
        if (!section.equals("limits") && !section.equals("requests")) {
            return "";
        }
        Quantity divisor = Quantity.of(ref.path("divisor"));
        if (divisor.isZero()) {
            divisor = Quantity.parse("1");
        }
        Quantity amount = Quantity.of(container.path("resources").path(section).path(name));
        if (name.equals("cpu")) {
            return String.valueOf((long) Math.ceil((double) amount.milliValue() / divisor.milliValue()));
        }
        if (name.equals("memory") || name.equals("ephemeral-storage") || name.startsWith("hugepages-")) {
            return String.valueOf((long) Math.ceil((double) amount.longValue() / divisor.longValue()));
        }
        return "";
    }

    private static void mounts(PrefixWriter w, JsonNode container) {
        JsonNode mounts = container.path("volumeMounts");
        String none = mounts.isEmpty() ? "\t<none>" : "";
        w.write(2, "Mounts:" + none + "\n");
        List<JsonNode> sorted = new ArrayList<>();
        mounts.forEach(sorted::add);
        sorted.sort(Comparator.comparing(m -> Text.str(m.path("mountPath"))));
        for (JsonNode mount : sorted) {
            List<String> flags = new ArrayList<>();
            flags.add(mount.path("readOnly").asBoolean(false) ? "ro" : "rw");
            if (!Text.str(mount.path("subPath")).isEmpty()) {
                flags.add("path=\"" + mount.path("subPath").asText() + "\"");
            }
            w.write(3, Text.str(mount.path("mountPath")) + " from " + Text.str(mount.path("name")) + " ("
                    + String.join(",", flags) + ")\n");
        }
        JsonNode devices = container.path("volumeDevices");
        if (!devices.isEmpty()) {
            w.write(2, "Devices:" + none + "\n");
            List<JsonNode> sortedDevices = new ArrayList<>();
            devices.forEach(sortedDevices::add);
            sortedDevices.sort(Comparator.comparing(d -> Text.str(d.path("devicePath"))));
            for (JsonNode device : sortedDevices) {
                w.write(3, Text.str(device.path("devicePath")) + " from " + Text.str(device.path("name")) + "\n");
            }
        }
    }

    /** kubectl's {@code describeTopologySpreadConstraints}: one line per constraint, sorted by topology key. */
    static void topologySpread(PrefixWriter w, JsonNode constraints, String space) {
        if (constraints.isEmpty()) {
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        constraints.forEach(sorted::add);
        sorted.sort(Comparator.comparing(c -> Text.str(c.path("topologyKey"))));
        w.write(0, space + "Topology Spread Constraints:\t");
        boolean first = true;
        for (JsonNode constraint : sorted) {
            if (!first) {
                w.write(0, space).write(0, "\t");
            }
            first = false;
            StringBuilder line = new StringBuilder(Text.str(constraint.path("topologyKey"))).append(':')
                    .append(Text.str(constraint.path("whenUnsatisfiable"))).append(" when max skew ")
                    .append(constraint.path("maxSkew").asLong(0)).append(" is exceeded");
            if (Text.present(constraint.path("labelSelector"))) {
                line.append(" for selector ").append(Text.formatSelector(constraint.path("labelSelector")));
            }
            w.write(0, line + "\n");
        }
    }

    /** kubectl's {@code describeVolumes}. */
    static void volumes(PrefixWriter w, JsonNode volumes, String space) {
        if (volumes.isEmpty()) {
            w.write(0, space + "Volumes:\t<none>\n");
            return;
        }
        w.write(0, space + "Volumes:\n");
        for (JsonNode volume : volumes) {
            w.write(1, (space.isEmpty() ? "" : " ") + volume.path("name").asText() + ":\n");
            Volumes.describe(w, volume);
        }
    }
}
