package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** kubectl's Pod describer. */
final class PodDescriber implements KindDescriber {
    private static final String MIRROR_POD = "kubernetes.io/config.mirror";

    @Override
    public void describe(DescribeContext context, JsonNode pod, PrefixWriter w) {
        JsonNode metadata = pod.path("metadata");
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        // kubectl looks pod events up without the kind, and by the mirror pod's uid for static pods.
        String uid = Text.present(metadata.path("annotations").path(MIRROR_POD))
                ? metadata.path("annotations").path(MIRROR_POD).asText() : Text.str(metadata.path("uid"));
        List<JsonNode> events = context.events(metadata.path("namespace").asText(), metadata.path("name").asText(),
                null, uid);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        if (Text.present(spec.path("priority"))) {
            w.write(0, "Priority:\t" + spec.path("priority").asLong() + "\n");
        }
        if (!Text.str(spec.path("priorityClassName")).isEmpty()) {
            w.write(0, "Priority Class Name:\t" + spec.path("priorityClassName").asText() + "\n");
        }
        if (!Text.str(spec.path("runtimeClassName")).isEmpty()) {
            w.write(0, "Runtime Class Name:\t" + spec.path("runtimeClassName").asText() + "\n");
        }
        if (!Text.str(spec.path("serviceAccountName")).isEmpty()) {
            w.write(0, "Service Account:\t" + spec.path("serviceAccountName").asText() + "\n");
        }
        String node = Text.str(spec.path("nodeName"));
        w.write(0, "Node:\t" + (node.isEmpty() ? "<none>" : node + "/" + Text.str(status.path("hostIP"))) + "\n");
        if (Text.present(status.path("startTime"))) {
            w.write(0, "Start Time:\t" + Text.timestamp(status.path("startTime")) + "\n");
        }
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        String phase = Text.str(status.path("phase"));
        if (Text.present(metadata.path("deletionTimestamp")) && !phase.equals("Failed")
                && !phase.equals("Succeeded")) {
            w.write(0, "Status:\tTerminating (lasts " + Text.since(metadata.path("deletionTimestamp")) + ")\n");
            w.write(0, "Termination Grace Period:\t" + metadata.path("deletionGracePeriodSeconds").asLong(0) + "s\n");
        } else {
            w.write(0, "Status:\t" + phase + "\n");
        }
        if (!Text.str(status.path("reason")).isEmpty()) {
            w.write(0, "Reason:\t" + status.path("reason").asText() + "\n");
        }
        if (!Text.str(status.path("message")).isEmpty()) {
            w.write(0, "Message:\t" + status.path("message").asText() + "\n");
        }
        JsonNode seccomp = spec.path("securityContext").path("seccompProfile");
        if (Text.present(seccomp)) {
            w.write(0, "SeccompProfile:\t" + Text.str(seccomp.path("type")) + "\n");
            if ("Localhost".equals(Text.str(seccomp.path("type")))) {
                w.write(0, "LocalhostProfile:\t" + Text.str(seccomp.path("localhostProfile")) + "\n");
            }
        }
        w.write(0, "IP:\t" + Text.str(status.path("podIP")) + "\n");
        if (status.path("podIPs").isEmpty()) {
            w.write(0, "IPs:\t<none>\n");
        } else {
            w.write(0, "IPs:\n");
            status.path("podIPs").forEach(ip -> w.write(1, "IP:\t" + Text.str(ip.path("ip")) + "\n"));
        }
        String controller = Text.controller(pod);
        if (!controller.isEmpty()) {
            w.write(0, "Controlled By:\t" + controller + "\n");
        }
        if (!Text.str(status.path("nominatedNodeName")).isEmpty()) {
            w.write(0, "NominatedNodeName:\t" + status.path("nominatedNodeName").asText() + "\n");
        }
        if (Text.present(spec.path("resources"))) {
            w.write(0, "Resources:\n");
            PodSections.resources(w, spec.path("resources"), 1);
        }
        if (!spec.path("initContainers").isEmpty()) {
            PodSections.podContainers(w, "Init Containers", spec.path("initContainers"),
                    status.path("initContainerStatuses"), pod);
        }
        PodSections.podContainers(w, "Containers", spec.path("containers"), status.path("containerStatuses"), pod);
        if (!spec.path("ephemeralContainers").isEmpty()) {
            PodSections.podContainers(w, "Ephemeral Containers", spec.path("ephemeralContainers"),
                    status.path("ephemeralContainerStatuses"), pod);
        }
        readinessGates(w, spec.path("readinessGates"), status.path("conditions"));
        if (!status.path("conditions").isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\n");
            for (JsonNode c : status.path("conditions")) {
                w.write(1, Text.str(c.path("type")) + " \t" + Text.str(c.path("status")) + " \n");
            }
        }
        PodSections.volumes(w, spec.path("volumes"), "");
        w.write(0, "QoS Class:\t" + qosClass(pod) + "\n");
        Sections.labels(w, "Node-Selectors", spec.path("nodeSelector"));
        Sections.tolerations(w, "Tolerations", spec.path("tolerations"));
        PodSections.topologySpread(w, spec.path("topologySpreadConstraints"), "");
        Sections.events(w, events);
    }

    private static void readinessGates(PrefixWriter w, JsonNode gates, JsonNode conditions) {
        if (gates.isEmpty()) {
            return;
        }
        w.write(0, "Readiness Gates:\n  Type\tStatus\n");
        for (JsonNode gate : gates) {
            String type = Text.str(gate.path("conditionType"));
            String status = "<none>";
            for (JsonNode c : conditions) {
                if (type.equals(Text.str(c.path("type")))) {
                    status = Text.str(c.path("status"));
                    break;
                }
            }
            w.write(1, type + " \t" + status + " \n");
        }
    }

    /** The status' QoS class, else kubectl's {@code ComputePodQOS} over cpu and memory. */
    static String qosClass(JsonNode pod) {
        String reported = Text.str(pod.path("status").path("qosClass"));
        if (!reported.isEmpty()) {
            return reported;
        }
        Map<String, Quantity> requests = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        boolean guaranteed = true;
        JsonNode spec = pod.path("spec");
        if (Text.present(spec.path("resources"))) {
            add(requests, spec.path("resources").path("requests"));
            add(limits, spec.path("resources").path("limits"));
            guaranteed = Text.present(spec.path("resources").path("limits"))
                    ? limitsCpuAndMemory(spec.path("resources").path("limits")) : guaranteed;
        } else {
            for (String field : List.of("containers", "initContainers")) {
                for (JsonNode container : spec.path(field)) {
                    add(requests, container.path("resources").path("requests"));
                    add(limits, container.path("resources").path("limits"));
                    if (!limitsCpuAndMemory(container.path("resources").path("limits"))) {
                        guaranteed = false;
                    }
                }
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (Map.Entry<String, Quantity> request : requests.entrySet()) {
                Quantity limit = limits.get(request.getKey());
                if (limit == null || limit.compareTo(request.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    private static void add(Map<String, Quantity> sums, JsonNode list) {
        list.fields().forEachRemaining(e -> {
            Quantity quantity = Quantity.of(e.getValue());
            if (isQosResource(e.getKey()) && quantity.value().signum() > 0) {
                sums.merge(e.getKey(), quantity, Quantity::plus);
            }
        });
    }

    private static boolean limitsCpuAndMemory(JsonNode limits) {
        return positive(limits.path("cpu")) && positive(limits.path("memory"));
    }

    private static boolean positive(JsonNode quantity) {
        return Text.present(quantity) && Quantity.of(quantity).value().signum() > 0;
    }

    private static boolean isQosResource(String name) {
        return name.equals("cpu") || name.equals("memory");
    }
}
