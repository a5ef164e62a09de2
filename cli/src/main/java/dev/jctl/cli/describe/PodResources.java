package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * kubectl's {@code PodRequestsAndLimits}: the containers' sum, at least the largest init container (sidecars,
 * init containers that restart always, add to both), plus the pod overhead.
 */
record PodResources(Map<String, Quantity> requests, Map<String, Quantity> limits) {

    static PodResources of(JsonNode pod) {
        return new PodResources(total(pod, "requests"), total(pod, "limits"));
    }

    private static Map<String, Quantity> total(JsonNode pod, String section) {
        JsonNode spec = pod.path("spec");
        Map<String, JsonNode> statuses = new HashMap<>();
        pod.path("status").path("containerStatuses").forEach(s -> statuses.put(s.path("name").asText(), s));
        boolean infeasible = "Infeasible".equals(Text.str(pod.path("status").path("resize")));
        Map<String, Quantity> sum = new HashMap<>();
        for (JsonNode container : spec.path("containers")) {
            Map<String, Quantity> own = list(container.path("resources").path(section));
            JsonNode status = statuses.get(container.path("name").asText());
            if (section.equals("requests") && status != null && Text.present(status.path("resources"))) {
                Map<String, Quantity> actual = list(status.path("resources").path("requests"));
                own = infeasible ? actual : larger(own, actual);
            }
            add(sum, own);
        }
        Map<String, Quantity> sidecars = new HashMap<>();
        Map<String, Quantity> init = new HashMap<>();
        for (JsonNode container : spec.path("initContainers")) {
            Map<String, Quantity> own = list(container.path("resources").path(section));
            if ("Always".equals(Text.str(container.path("restartPolicy")))) {
                add(sum, own);
                add(sidecars, own);
                own = new HashMap<>(sidecars);
            } else {
                Map<String, Quantity> with = new HashMap<>();
                add(with, own);
                add(with, sidecars);
                own = with;
            }
            max(init, own);
        }
        max(sum, init);
        spec.path("overhead").fields().forEachRemaining(e -> {
            Quantity overhead = Quantity.of(e.getValue());
            if (section.equals("requests")) {
                sum.merge(e.getKey(), overhead, Quantity::plus);
            } else if (sum.containsKey(e.getKey()) && !sum.get(e.getKey()).isZero()) {
                sum.put(e.getKey(), sum.get(e.getKey()).plus(overhead));
            }
        });
        return sum;
    }

    private static Map<String, Quantity> list(JsonNode node) {
        Map<String, Quantity> list = new HashMap<>();
        node.fields().forEachRemaining(e -> list.put(e.getKey(), Quantity.of(e.getValue())));
        return list;
    }

    private static Map<String, Quantity> larger(Map<String, Quantity> a, Map<String, Quantity> b) {
        Map<String, Quantity> result = new HashMap<>(a);
        b.forEach((name, quantity) -> result.merge(name, quantity, (x, y) -> x.compareTo(y) <= 0 ? y : x));
        return result;
    }

    private static void add(Map<String, Quantity> sum, Map<String, Quantity> more) {
        more.forEach((name, quantity) -> sum.merge(name, quantity, Quantity::plus));
    }

    private static void max(Map<String, Quantity> list, Map<String, Quantity> more) {
        more.forEach((name, quantity) -> list.merge(name, quantity, (x, y) -> y.compareTo(x) > 0 ? y : x));
    }
}
