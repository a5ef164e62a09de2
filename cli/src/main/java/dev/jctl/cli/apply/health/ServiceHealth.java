package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * A LoadBalancer Service is healthy once it has an ingress (Helm, Argo CD); a Service that selects pods once one
 * of them is a ready endpoint, in its Endpoints or its EndpointSlices (whichever the cluster maintains). A Service
 * without a selector has its endpoints managed by hand and ExternalName has none, so both are ready at once.
 */
final class ServiceHealth implements HealthRule {
    private static List<Related> endpointQueries(JsonNode service) {
        String namespace = service.path("metadata").path("namespace").asText();
        String name = service.path("metadata").path("name").asText();
        return List.of(new Related("v1", "Endpoints", namespace, "metadata.name=" + name, null),
                new Related("discovery.k8s.io/v1", "EndpointSlice", namespace, null,
                        "kubernetes.io/service-name=" + name));
    }

    @Override
    public Health evaluate(JsonNode service, Function<Related, List<JsonNode>> related) {
        String type = service.path("spec").path("type").asText("ClusterIP");
        if (type.equals("LoadBalancer")) {
            return service.path("status").path("loadBalancer").path("ingress").isEmpty()
                    ? Health.inProgress("waiting for the load balancer to get an ingress")
                    : Health.ready("has a load balancer ingress");
        }
        if (!waitsForEndpoints(service)) {
            return Health.ready("needs no endpoints");
        }
        List<Related> queries = endpointQueries(service);
        boolean ready = related.apply(queries.get(0)).stream().anyMatch(ServiceHealth::hasAddress)
                || related.apply(queries.get(1)).stream().anyMatch(ServiceHealth::hasReadyEndpoint);
        return ready ? Health.ready("has ready endpoints") : Health.inProgress("no ready endpoints");
    }

    private static boolean waitsForEndpoints(JsonNode service) {
        return !service.path("spec").path("type").asText().equals("ExternalName")
                && !service.path("spec").path("selector").isEmpty();
    }

    private static boolean hasAddress(JsonNode endpoints) {
        for (JsonNode subset : endpoints.path("subsets")) {
            if (!subset.path("addresses").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** An endpoint counts unless its ready condition is false (absent means ready, per the EndpointSlice API). */
    private static boolean hasReadyEndpoint(JsonNode slice) {
        for (JsonNode endpoint : slice.path("endpoints")) {
            if (endpoint.path("conditions").path("ready").asBoolean(true)) {
                return true;
            }
        }
        return false;
    }
}
