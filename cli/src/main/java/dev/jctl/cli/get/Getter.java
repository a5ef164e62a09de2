package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code get}: reads objects of one resource type, by name or by listing (label selector, one namespace or all),
 * either as the server's Table (for the human-readable output) or as full objects.
 */
public final class Getter {
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private final Connection connection;
    private final Discovery discovery;

    public Getter(Connection connection, Discovery discovery) {
        this.connection = connection;
        this.discovery = discovery;
    }

    /**
     * @param names         empty to list
     * @param labelSelector null for none
     * @param allNamespaces list across namespaces ({@code -A})
     */
    public record Query(String type, List<String> names, String labelSelector, boolean allNamespaces) {
        public Query {
            names = List.copyOf(names);
        }
    }

    /** What was found: Tables or objects (as asked), and the errors of names not found, in kubectl's words. */
    public record Found(ApiResource resource, List<JsonNode> documents, List<String> errors) {
    }

    public ApiResource resolve(String type) {
        return discovery.resolve(type).orElseThrow(() -> new IllegalArgumentException(
                "the server doesn't have a resource type \"" + type + "\""));
    }

    /** Tables when {@code asTable}, else full objects (with apiVersion and kind set, like kubectl's). */
    public Found get(Query query, boolean asTable) {
        ApiResource resource = resolve(query.type());
        String namespace = query.allNamespaces() ? null : connection.namespace();
        List<JsonNode> documents = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String accept = asTable ? TABLE : "application/json";
        if (query.names().isEmpty()) {
            StringBuilder path = new StringBuilder(resource.collectionPath(namespace)).append("?limit=500");
            if (query.labelSelector() != null) {
                path.append("&labelSelector=").append(URLEncoder.encode(query.labelSelector(), StandardCharsets.UTF_8));
            }
            JsonNode list = connection.send(Connection.Request.get(path.toString()).withAccept(accept));
            if (asTable && isTable(list)) {
                if (!list.path("rows").isEmpty()) {
                    documents.add(list);
                }
            } else {
                for (JsonNode item : list.path("items")) {
                    documents.add(typed(resource, item));
                }
            }
        } else {
            for (String name : query.names()) {
                try {
                    JsonNode object = connection.send(Connection.Request.get(resource.objectPath(namespace, name))
                            .withAccept(accept));
                    documents.add(asTable && isTable(object) ? object : typed(resource, object));
                } catch (ApiException e) {
                    errors.add(e.kubectlMessage());
                }
            }
        }
        return new Found(resource, documents, errors);
    }

    static boolean isTable(JsonNode document) {
        return document != null && "Table".equals(document.path("kind").asText());
    }

    /**
     * The object as kubectl get prints it: apiVersion and kind filled in (list items come without them), and
     * managedFields left out, as kubectl does for every printer unless asked with --show-managed-fields.
     */
    public static JsonNode typed(ApiResource resource, JsonNode item) {
        ObjectNode typed = Connection.JSON.createObjectNode();
        typed.put("apiVersion", resource.apiVersion());
        typed.put("kind", resource.kind());
        typed.setAll((ObjectNode) item.deepCopy());
        if (typed.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return typed;
    }

    /** The objects as the {@code v1 List} kubectl prints for {@code -o yaml|json} of a listing. */
    public static ObjectNode list(List<JsonNode> objects) {
        ObjectNode list = Connection.JSON.createObjectNode();
        list.put("apiVersion", "v1");
        ArrayNode items = list.putArray("items");
        objects.forEach(items::add);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }
}
