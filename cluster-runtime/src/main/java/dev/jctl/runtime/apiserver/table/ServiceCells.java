package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Service EXTERNAL-IP and PORT(S), Endpoints ENDPOINTS, as the upstream printers format them. */
final class ServiceCells {
    private static final int MAX_ENDPOINTS = 3;

    private ServiceCells() {
    }

    static String externalIp(JsonNode service) {
        JsonNode spec = service.path("spec");
        List<String> ips = new ArrayList<>();
        spec.path("externalIPs").forEach(ip -> ips.add(ip.asText()));
        switch (spec.path("type").asText("ClusterIP")) {
            case "LoadBalancer" -> {
                List<String> lb = new ArrayList<>();
                for (JsonNode ingress : service.path("status").path("loadBalancer").path("ingress")) {
                    lb.add(ingress.hasNonNull("ip") ? ingress.get("ip").asText() : ingress.path("hostname").asText());
                }
                lb.addAll(ips);
                return lb.isEmpty() ? "<pending>" : String.join(",", lb);
            }
            case "ExternalName" -> {
                return spec.path("externalName").asText();
            }
            default -> {
                return ips.isEmpty() ? Cells.NONE : String.join(",", ips);
            }
        }
    }

    static String ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            String protocol = port.path("protocol").asText("TCP");
            ports.add(port.hasNonNull("nodePort")
                    ? port.path("port").asInt() + ":" + port.path("nodePort").asInt() + "/" + protocol
                    : port.path("port").asInt() + "/" + protocol);
        }
        return ports.isEmpty() ? Cells.NONE : String.join(",", ports);
    }

    static String endpoints(JsonNode endpoints) {
        List<String> list = new ArrayList<>();
        int total = 0;
        for (JsonNode subset : endpoints.path("subsets")) {
            for (JsonNode address : subset.path("addresses")) {
                if (subset.path("ports").isEmpty()) {
                    total++;
                    if (list.size() < MAX_ENDPOINTS) {
                        list.add(address.path("ip").asText());
                    }
                }
                for (JsonNode port : subset.path("ports")) {
                    total++;
                    if (list.size() < MAX_ENDPOINTS) {
                        list.add(address.path("ip").asText() + ":" + port.path("port").asInt());
                    }
                }
            }
        }
        if (list.isEmpty()) {
            return Cells.NONE;
        }
        String joined = String.join(",", list);
        return total > list.size() ? joined + " + " + (total - list.size()) + " more..." : joined;
    }
}
