package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kubectl's {@code formatEndpointSlices}: up to three ready endpoints of a Service port, then a count. */
final class EndpointSlices {
    private static final int MAX = 3;

    private EndpointSlices() {
    }

    /** The slices labelled with the Service's name; empty when they cannot be read. */
    static List<JsonNode> of(DescribeContext context, String namespace, String service) {
        try {
            return context.list("/apis/discovery.k8s.io/v1/namespaces/" + namespace + "/endpointslices",
                    "kubernetes.io/service-name=" + service, null);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** @param portName the port whose endpoints to list; null for all ports */
    static String format(List<JsonNode> slices, String portName) {
        if (slices.isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (JsonNode slice : slices) {
            if (slice.path("ports").isEmpty()) {
                for (JsonNode endpoint : slice.path("endpoints")) {
                    if (list.size() == MAX) {
                        more = true;
                    }
                    if (!ready(endpoint)) {
                        continue;
                    }
                    if (!more) {
                        list.add(endpoint.path("addresses").path(0).asText());
                    }
                    count++;
                }
                continue;
            }
            for (JsonNode port : slice.path("ports")) {
                if (portName != null && !portName.equals(Text.str(port.path("name")))) {
                    continue;
                }
                for (JsonNode endpoint : slice.path("endpoints")) {
                    if (list.size() == MAX) {
                        more = true;
                    }
                    if (!ready(endpoint)) {
                        continue;
                    }
                    if (!more) {
                        String address = endpoint.path("addresses").path(0).asText();
                        list.add((address.contains(":") ? "[" + address + "]" : address) + ":"
                                + port.path("port").asLong());
                    }
                    count++;
                }
            }
        }
        String text = String.join(",", list);
        return more ? text + " + " + (count - MAX) + " more..." : text;
    }

    /** An endpoint whose readiness is unknown counts as ready. */
    private static boolean ready(JsonNode endpoint) {
        JsonNode ready = endpoint.path("conditions").path("ready");
        return !Text.present(ready) || ready.asBoolean();
    }
}
