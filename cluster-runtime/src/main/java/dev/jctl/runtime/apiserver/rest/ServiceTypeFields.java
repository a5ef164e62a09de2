package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a Service's allocated fields its type uses, and upstream's dropTypeDependentFields for them: an update
 * to a type that does not use the ClusterIP (ExternalName) or the node ports (ClusterIP, ExternalName) drops the
 * values it still carries from the stored Service, so they are released, as long as the update did not change them
 * too (a value the client sent is its own and is kept).
 */
final class ServiceTypeFields {
    private ServiceTypeFields() {
    }

    static String type(JsonNode spec) {
        return spec.path("type").asText("ClusterIP");
    }

    static boolean needsClusterIp(JsonNode spec) {
        return !type(spec).equals("ExternalName");
    }

    static boolean needsNodePorts(JsonNode spec) {
        return type(spec).equals("NodePort") || type(spec).equals("LoadBalancer");
    }

    /** Drops from {@code spec}, an update of {@code current}, what its new type no longer uses. */
    static void dropUnused(ObjectNode spec, JsonNode current) {
        if (needsClusterIp(current) && !needsClusterIp(spec)) {
            if (same(spec, current, "clusterIP") && same(spec, current, "clusterIPs")) {
                spec.remove(List.of("clusterIP", "clusterIPs"));
            }
            for (String field : List.of("ipFamilies", "ipFamilyPolicy")) {
                if (same(spec, current, field)) {
                    spec.remove(field);
                }
            }
        }
        if (needsNodePorts(current) && !needsNodePorts(spec) && nodePorts(current).containsAll(nodePorts(spec))) {
            for (JsonNode port : spec.path("ports")) {
                if (port instanceof ObjectNode p) {
                    p.remove("nodePort");
                }
            }
        }
    }

    /** Equal as Go sees the field: absent, null, "" and [] are all its zero value. */
    private static boolean same(JsonNode spec, JsonNode current, String field) {
        return orZero(spec.get(field)).equals(orZero(current.get(field)));
    }

    private static JsonNode orZero(JsonNode value) {
        boolean zero = value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()
                || value.isArray() && value.isEmpty();
        return zero ? MissingNode.getInstance() : value;
    }

    private static Set<Integer> nodePorts(JsonNode spec) {
        Set<Integer> ports = new HashSet<>();
        for (JsonNode port : spec.path("ports")) {
            if (port.path("nodePort").asInt(0) != 0) {
                ports.add(port.path("nodePort").asInt());
            }
        }
        return ports;
    }
}
