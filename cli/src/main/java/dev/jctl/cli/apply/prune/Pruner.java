package dev.jctl.cli.apply.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.apply.ApplyOrder;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Finds and deletes what an apply left behind. Unlike kubectl, which deletes in allowlist (or map) order, all
 * candidates are found first and deleted in the reverse of {@link ApplyOrder}: workloads go before the
 * ConfigMaps and Services they use, Namespaces last; and nothing is deleted when any listing fails.
 */
public final class Pruner {
    /** One list request: a resource in one namespace, or in all (null) for a cluster-scoped resource. */
    public record Scope(ApiResource resource, String namespace) {
    }

    private record Candidate(Scope scope, JsonNode object) {
    }

    private final Connection connection;

    public Pruner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Deletes the objects in {@code scopes} that match {@code labelSelector} and {@code eligible} and whose uid is
     * not in {@code applied}, reporting each after its deletion (or instead of it for a client dry run).
     */
    public void prune(List<Scope> scopes, String labelSelector, Predicate<JsonNode> eligible, Set<String> applied,
                      DryRun dryRun, Consumer<JsonNode> pruned) {
        List<Candidate> candidates = new ArrayList<>();
        for (Scope scope : scopes) {
            for (JsonNode object : list(scope, labelSelector)) {
                if (eligible.test(object) && !applied.contains(object.path("metadata").path("uid").asText())) {
                    candidates.add(new Candidate(scope, object));
                }
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> ApplyOrder.rank(c.scope.resource().kind()))
                .reversed());
        for (Candidate candidate : candidates) {
            if (dryRun != DryRun.CLIENT) {
                delete(candidate, dryRun);
            }
            pruned.accept(candidate.object);
        }
    }

    private List<JsonNode> list(Scope scope, String labelSelector) {
        ApiResource resource = scope.resource();
        String query = labelSelector.isEmpty() ? ""
                : "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
        JsonNode list;
        try {
            list = connection.get(resource.collectionPath(scope.namespace()) + query);
        } catch (ApiException e) {
            throw new IllegalStateException("listing " + gvk(resource) + " objects for pruning: " + e.getMessage(), e);
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            // List items come without their type; the printed "configmap/x pruned" line needs it.
            ObjectNode typed = ((ObjectNode) item).deepCopy();
            typed.put("apiVersion", resource.apiVersion()).put("kind", resource.kind());
            items.add(typed);
        }
        return items;
    }

    /** kubectl's delete options for prune: background cascading, the server's grace period. */
    private void delete(Candidate candidate, DryRun dryRun) {
        JsonNode metadata = candidate.object.path("metadata");
        String namespace = metadata.path("namespace").asText(null);
        String path = candidate.scope.resource().objectPath(namespace, metadata.path("name").asText());
        String body = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\""
                + (dryRun == DryRun.SERVER ? ",\"dryRun\":[\"All\"]}" : "}");
        try {
            connection.send(new Connection.Request("DELETE", path, "application/json", body, "application/json"));
        } catch (ApiException e) {
            throw new IllegalStateException("pruning " + groupKind(candidate.scope.resource()) + " "
                    + (namespace == null ? "" : namespace + "/") + metadata.path("name").asText() + ": "
                    + e.getMessage(), e);
        }
    }

    /** apimachinery's GroupVersionKind.String(): {@code apps/v1, Kind=Deployment}, {@code /v1, Kind=ConfigMap}. */
    private static String gvk(ApiResource resource) {
        return resource.group() + "/" + resource.version() + ", Kind=" + resource.kind();
    }

    /** apimachinery's GroupKind.String(): {@code Deployment.apps}, {@code ConfigMap}. */
    static String groupKind(ApiResource resource) {
        return resource.group().isEmpty() ? resource.kind() : resource.kind() + "." + resource.group();
    }
}
