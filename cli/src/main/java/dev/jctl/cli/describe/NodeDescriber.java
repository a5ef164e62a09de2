package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** kubectl's Node describer: conditions, capacity, the lease, its non-terminated pods and what they request. */
final class NodeDescriber implements KindDescriber {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";

    @Override
    public void describe(DescribeContext context, JsonNode node, PrefixWriter w) {
        JsonNode metadata = node.path("metadata");
        JsonNode spec = node.path("spec");
        JsonNode status = node.path("status");
        String name = metadata.path("name").asText();
        List<JsonNode> pods;
        try {
            pods = context.list("/api/v1/pods", null, "spec.nodeName=" + name
                    + ",status.phase!=Failed,status.phase!=Succeeded");
        } catch (ApiException e) {
            if (e.code() != 403) {
                throw e;
            }
            pods = null;
        }
        // Controllers name a node's events by its uid, the kubelet by its name.
        List<JsonNode> events = context.events("", name, "Node", Text.str(metadata.path("uid")));
        if (events != null) {
            events.addAll(context.events("", name, "Node", name));
        }
        w.write(0, "Name:\t" + name + "\n");
        w.write(0, "Roles:\t" + Text.orNone(String.join(",", roles(metadata.path("labels")))) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "CreationTimestamp:\t" + Text.timestamp(metadata.path("creationTimestamp")) + "\n");
        Sections.taints(w, "Taints", spec.path("taints"));
        w.write(0, "Unschedulable:\t" + spec.path("unschedulable").asBoolean(false) + "\n");
        lease(context, w, name);
        JsonNode conditions = status.path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(1, Text.str(c.path("type")) + " \t" + Text.str(c.path("status")) + " \t"
                        + Text.timestamp(c.path("lastHeartbeatTime")) + " \t"
                        + Text.timestamp(c.path("lastTransitionTime")) + " \t" + Text.str(c.path("reason")) + " \t"
                        + Text.str(c.path("message")) + "\n");
            }
        }
        w.write(0, "Addresses:\n");
        for (JsonNode address : status.path("addresses")) {
            w.write(1, Text.str(address.path("type")) + ":\t" + Text.str(address.path("address")) + "\n");
        }
        resourceList(w, "Capacity", status.path("capacity"));
        resourceList(w, "Allocatable", status.path("allocatable"));
        JsonNode info = status.path("nodeInfo");
        w.write(0, "System Info:\n");
        w.write(0, "  Machine ID:\t" + Text.str(info.path("machineID")) + "\n");
        w.write(0, "  System UUID:\t" + Text.str(info.path("systemUUID")) + "\n");
        w.write(0, "  Boot ID:\t" + Text.str(info.path("bootID")) + "\n");
        w.write(0, "  Kernel Version:\t" + Text.str(info.path("kernelVersion")) + "\n");
        w.write(0, "  OS Image:\t" + Text.str(info.path("osImage")) + "\n");
        w.write(0, "  Operating System:\t" + Text.str(info.path("operatingSystem")) + "\n");
        w.write(0, "  Architecture:\t" + Text.str(info.path("architecture")) + "\n");
        w.write(0, "  Container Runtime Version:\t" + Text.str(info.path("containerRuntimeVersion")) + "\n");
        w.write(0, "  Kubelet Version:\t" + Text.str(info.path("kubeletVersion")) + "\n");
        w.write(0, "  Kube-Proxy Version:\t" + Text.str(info.path("kubeProxyVersion")) + "\n");
        if (!Text.str(spec.path("podCIDR")).isEmpty()) {
            w.write(0, "PodCIDR:\t" + spec.path("podCIDR").asText() + "\n");
        }
        if (!spec.path("podCIDRs").isEmpty()) {
            List<String> cidrs = new ArrayList<>();
            spec.path("podCIDRs").forEach(c -> cidrs.add(c.asText()));
            w.write(0, "PodCIDRs:\t" + String.join(",", cidrs) + "\n");
        }
        if (!Text.str(spec.path("providerID")).isEmpty()) {
            w.write(0, "ProviderID:\t" + spec.path("providerID").asText() + "\n");
        }
        if (pods != null) {
            podResources(w, pods, node);
        } else {
            w.write(0, "Pods:\tnot authorized\n");
        }
        Sections.events(w, events);
    }

    private static Set<String> roles(JsonNode labels) {
        Set<String> roles = new TreeSet<>();
        Text.map(labels).forEach((key, value) -> {
            if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
                roles.add(key.substring(ROLE_PREFIX.length()));
            } else if (key.equals(ROLE_LABEL) && !value.isEmpty()) {
                roles.add(value);
            }
        });
        return roles;
    }

    private static void lease(DescribeContext context, PrefixWriter w, String name) {
        JsonNode lease;
        try {
            lease = context.get("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + name);
        } catch (ApiException e) {
            w.write(0, "Lease:\tFailed to get lease: " + e.getMessage() + "\n");
            return;
        }
        JsonNode spec = lease.path("spec");
        w.write(0, "Lease:\n");
        w.write(1, "HolderIdentity:\t" + (Text.present(spec.path("holderIdentity"))
                ? spec.path("holderIdentity").asText() : "<unset>") + "\n");
        w.write(1, "AcquireTime:\t" + (Text.present(spec.path("acquireTime"))
                ? Text.timestamp(spec.path("acquireTime")) : "<unset>") + "\n");
        w.write(1, "RenewTime:\t" + (Text.present(spec.path("renewTime"))
                ? Text.timestamp(spec.path("renewTime")) : "<unset>") + "\n");
    }

    private static void resourceList(PrefixWriter w, String title, JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        w.write(0, title + ":\n");
        Map<String, String> sorted = new TreeMap<>();
        list.fields().forEachRemaining(e -> sorted.put(e.getKey(), Quantity.of(e.getValue()).toString()));
        sorted.forEach((resource, value) -> w.write(0, "  " + resource + ":\t" + value + "\n"));
    }

    private static void podResources(PrefixWriter w, List<JsonNode> pods, JsonNode node) {
        w.write(0, "Non-terminated Pods:\t(" + pods.size() + " in total)\n");
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
        JsonNode allocatable = node.path("status").path("allocatable").isEmpty()
                ? node.path("status").path("capacity") : node.path("status").path("allocatable");
        long cpu = Quantity.of(allocatable.path("cpu")).milliValue();
        long memory = Quantity.of(allocatable.path("memory")).longValue();
        long storage = Quantity.of(allocatable.path("ephemeral-storage")).longValue();
        Map<String, Quantity> requests = new TreeMap<>();
        Map<String, Quantity> limits = new TreeMap<>();
        for (JsonNode pod : pods) {
            PodResources resources = PodResources.of(pod);
            Quantity cpuRequest = get(resources.requests(), "cpu");
            Quantity cpuLimit = get(resources.limits(), "cpu");
            Quantity memoryRequest = get(resources.requests(), "memory");
            Quantity memoryLimit = get(resources.limits(), "memory");
            w.write(1, pod.path("metadata").path("namespace").asText() + "\t" + pod.path("metadata").path("name")
                    .asText() + "\t\t" + cpuRequest + " (" + percent(cpuRequest.milliValue(), cpu) + "%)\t"
                    + cpuLimit + " (" + percent(cpuLimit.milliValue(), cpu) + "%)\t" + memoryRequest + " ("
                    + percent(memoryRequest.longValue(), memory) + "%)\t" + memoryLimit + " ("
                    + percent(memoryLimit.longValue(), memory) + "%)\t"
                    + Text.since(pod.path("metadata").path("creationTimestamp")) + "\n");
            resources.requests().forEach((name, q) -> requests.merge(name, q, Quantity::plus));
            resources.limits().forEach((name, q) -> limits.merge(name, q, Quantity::plus));
        }
        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
        w.write(1, "Resource\tRequests\tLimits\n");
        w.write(1, "--------\t--------\t------\n");
        total(w, "cpu", get(requests, "cpu"), get(limits, "cpu"), cpu, true);
        total(w, "memory", get(requests, "memory"), get(limits, "memory"), memory, false);
        total(w, "ephemeral-storage", get(requests, "ephemeral-storage"), get(limits, "ephemeral-storage"), storage,
                false);
        Set<String> hugePages = new TreeSet<>();
        Set<String> extended = new TreeSet<>();
        allocatable.fieldNames().forEachRemaining(resource -> {
            if (resource.startsWith("hugepages-")) {
                hugePages.add(resource);
            } else if (!Set.of("cpu", "memory", "ephemeral-storage", "pods").contains(resource)) {
                extended.add(resource);
            }
        });
        for (String resource : hugePages) {
            total(w, resource, get(requests, resource), get(limits, resource),
                    Quantity.of(allocatable.path(resource)).longValue(), false);
        }
        for (String resource : extended) {
            w.write(1, resource + "\t" + get(requests, resource) + "\t" + get(limits, resource) + "\n");
        }
    }

    private static void total(PrefixWriter w, String resource, Quantity requests, Quantity limits, long allocatable,
                              boolean milli) {
        long request = milli ? requests.milliValue() : requests.longValue();
        long limit = milli ? limits.milliValue() : limits.longValue();
        w.write(1, resource + "\t" + requests + " (" + (allocatable == 0 ? 0 : percent(request, allocatable))
                + "%)\t" + limits + " (" + (allocatable == 0 ? 0 : percent(limit, allocatable)) + "%)\n");
    }

    private static Quantity get(Map<String, Quantity> list, String name) {
        return list.getOrDefault(name, Quantity.ZERO);
    }

    /** Go's {@code int64(float64(part) / float64(whole) * 100)}. */
    private static long percent(long part, long whole) {
        return (long) ((double) part / (double) whole * 100);
    }
}
