package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.storage.KeyValue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * ClusterIP allocation from kube-apiserver's default --service-cluster-ip-range (10.96.0.0/12) and NodePort
 * allocation from 30000-32767, with upstream's errors for taken or out-of-range values and for changing an
 * assigned ClusterIP. What is taken is read from the stored services, so deleting a service frees its IP and
 * ports; allocation and the write that records it run under one lock, as one API server owns the ranges.
 */
final class ServiceAllocator {
    private static final String PREFIX = "/registry/core/services/";
    private static final long RANGE_BASE = (10L << 24) | (96L << 16);
    private static final long RANGE_SIZE = 1L << 20;
    private static final String RANGE = "10.96.0.0/12";
    private static final int NODE_PORT_MIN = 30000;
    private static final int NODE_PORT_MAX = 32767;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectStore store;
    private final ReentrantLock lock = new ReentrantLock();

    ServiceAllocator(ObjectStore store) {
        this.store = store;
    }

    /** Runs {@code write} (allocation plus the storage write) while no other service is being allocated. */
    <T> T allocating(Supplier<T> write) {
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    /** Fills in or checks spec.clusterIP(s) and node ports of {@code service}; {@code current} is null on create. */
    void assign(ObjectNode service, ObjectNode current) {
        ObjectNode meta = Json.metadata(service);
        String key = meta.path("namespace").asText() + "/" + meta.path("name").asText();
        ObjectNode spec = service.withObjectProperty("spec");
        Set<String> takenIps = new HashSet<>();
        Set<Integer> takenPorts = new HashSet<>();
        for (KeyValue kv : store.storage().list(PREFIX, 0, null, 0).items()) {
            JsonNode other = Json.parse(kv.value());
            if (!key.equals(other.path("metadata").path("namespace").asText() + "/"
                    + other.path("metadata").path("name").asText())) {
                takenIps.add(other.path("spec").path("clusterIP").asText(""));
                other.path("spec").path("ports").forEach(p -> takenPorts.add(p.path("nodePort").asInt(0)));
            }
        }
        String type = spec.path("type").asText("ClusterIP");
        String name = meta.path("name").asText();
        if (!type.equals("ExternalName")) {
            clusterIp(spec, current == null ? "" : current.path("spec").path("clusterIP").asText(""), takenIps,
                    name);
        }
        if (type.equals("NodePort") || type.equals("LoadBalancer")) {
            nodePorts(spec, current, takenPorts, name);
        }
    }

    private static void clusterIp(ObjectNode spec, String currentIp, Set<String> taken, String name) {
        String ip = spec.path("clusterIP").asText("");
        if (ip.isEmpty()) {
            ip = currentIp;
        } else if (!currentIp.isEmpty() && !ip.equals(currentIp)) {
            throw invalid(name, "spec.clusterIPs[0]", "Invalid value: []string{\"" + ip + "\"}: may not change once set");
        }
        if (ip.isEmpty()) {
            ip = freeIp(taken, name);
        } else if (!ip.equals("None") && !ip.equals(currentIp)) {
            long address = parse(ip);
            String prefix = "Invalid value: []string{\"" + ip + "\"}: failed to allocate IP " + ip + ": ";
            if (address < RANGE_BASE || address >= RANGE_BASE + RANGE_SIZE) {
                throw invalid(name, "spec.clusterIPs", prefix + "the provided IP (" + ip + ") is not in the valid"
                        + " range. The range of valid IPs is " + RANGE);
            }
            if (taken.contains(ip)) {
                throw invalid(name, "spec.clusterIPs", prefix + "provided IP is already allocated");
            }
        }
        spec.put("clusterIP", ip);
        spec.putArray("clusterIPs").add(ip);
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        if (!spec.has("ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", "SingleStack");
        }
    }

    private static void nodePorts(ObjectNode spec, ObjectNode current, Set<Integer> taken, String name) {
        JsonNode currentPorts = current == null ? null : current.path("spec").path("ports");
        Set<Integer> mine = new HashSet<>();
        int index = 0;
        for (JsonNode node : spec.path("ports")) {
            if (node instanceof ObjectNode port) {
                int nodePort = port.path("nodePort").asInt(0);
                if (nodePort == 0 && currentPorts != null) {
                    nodePort = sameCurrentPort(port, currentPorts);
                }
                String field = "spec.ports[" + index + "].nodePort";
                if (nodePort == 0) {
                    nodePort = freePort(taken, mine, name);
                } else if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
                    throw invalid(name, field, "Invalid value: " + nodePort + ": provided port is not in the valid"
                            + " range. The range of valid ports is " + NODE_PORT_MIN + "-" + NODE_PORT_MAX);
                } else if (taken.contains(nodePort) || mine.contains(nodePort)) {
                    throw invalid(name, field, "Invalid value: " + nodePort + ": provided port is already allocated");
                }
                mine.add(nodePort);
                port.put("nodePort", nodePort);
            }
            index++;
        }
    }

    /** The node port the stored service already has for the same port and protocol, or 0. */
    private static int sameCurrentPort(JsonNode port, JsonNode currentPorts) {
        for (JsonNode existing : currentPorts) {
            if (existing.path("port").asInt() == port.path("port").asInt()
                    && existing.path("protocol").asText("TCP").equals(port.path("protocol").asText("TCP"))) {
                return existing.path("nodePort").asInt(0);
            }
        }
        return 0;
    }

    private static String freeIp(Set<String> taken, String name) {
        // skip .0 (network) and the first ten addresses, which upstream reserves for the kubernetes and DNS services
        for (int attempt = 0; attempt < 1000; attempt++) {
            long address = RANGE_BASE + 10 + RANDOM.nextInt((int) RANGE_SIZE - 11);
            String ip = format(address);
            if (!taken.contains(ip)) {
                return ip;
            }
        }
        throw invalid(name, "spec.clusterIPs", "Internal error: failed to allocate a serviceIP: range is full");
    }

    private static int freePort(Set<Integer> taken, Set<Integer> mine, String name) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int port = NODE_PORT_MIN + RANDOM.nextInt(NODE_PORT_MAX - NODE_PORT_MIN + 1);
            if (!taken.contains(port) && !mine.contains(port)) {
                return port;
            }
        }
        throw invalid(name, "spec.ports", "Internal error: failed to allocate a nodePort: range is full");
    }

    private static long parse(String ip) {
        String[] octets = ip.split("\\.");
        if (octets.length != 4) {
            return -1;
        }
        long address = 0;
        for (String octet : octets) {
            try {
                int value = Integer.parseInt(octet);
                if (value < 0 || value > 255) {
                    return -1;
                }
                address = (address << 8) | value;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return address;
    }

    private static String format(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    private static ApiException invalid(String name, String field, String message) {
        return ApiException.invalid("", "Service", name, List.of(new ApiException.Cause("FieldValueInvalid", message,
                field)));
    }
}
