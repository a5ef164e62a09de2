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
 * {@code get}: reads the objects of the selected types, by name or by listing (label selector, one namespace or
 * all), either as the server's Tables (for the human-readable output) or as full objects, in argument order.
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
     * @param labelSelector null for none
     * @param allNamespaces list across namespaces ({@code -A})
     * @param asTable       ask for the server's Tables (human-readable output)
     * @param withObjects   Tables whose rows carry the whole object ({@code --sort-by} reads it)
     */
    public record Query(List<ResourceArguments.Selection> selections, String labelSelector, boolean allNamespaces,
                        boolean asTable, boolean withObjects) {
        public Query {
            selections = List.copyOf(selections);
        }

        /** One type and one name: kubectl then prints that object itself rather than a List of it. */
        public boolean singleItemImplied() {
            return selections.size() == 1 && !selections.get(0).types().contains(",")
                    && selections.get(0).names().size() == 1;
        }
    }

    /** One document read: a Table (possibly without rows), a listed object or a named object. */
    public record Item(ApiResource resource, JsonNode document) {
    }

    /** What was found, in order, and the errors of names not found, in kubectl's words. */
    public record Found(List<Item> items, List<String> errors) {
    }

    /** The resources a comma-separated type argument names, categories expanded. */
    public List<ApiResource> resolve(String types) {
        List<ApiResource> resources = new ArrayList<>();
        for (String type : types.split(",", -1)) {
            List<ApiResource> members = discovery.category(type);
            resources.addAll(members.isEmpty() ? List.of(discovery.resolve(type).orElseThrow(
                    () -> new IllegalArgumentException("the server doesn't have a resource type \"" + type + "\"")))
                    : members);
        }
        return resources;
    }

    public Found get(Query query) {
        List<List<ApiResource>> resolved = query.selections().stream().map(s -> resolve(s.types())).toList();
        List<Item> items = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            List<String> names = query.selections().get(i).names();
            for (ApiResource resource : resolved.get(i)) {
                if (names.isEmpty()) {
                    JsonNode list = list(resource, query, null);
                    if (isTable(list)) {
                        items.add(new Item(resource, list));
                    } else {
                        list.path("items").forEach(item -> items.add(new Item(resource, typed(resource, item))));
                    }
                    continue;
                }
                for (String name : names) {
                    try {
                        items.add(new Item(resource, object(resource, query, name)));
                    } catch (ApiException e) {
                        errors.add(e.kubectlMessage());
                    }
                }
            }
        }
        return new Found(items, errors);
    }

    /** The list (a Table when asked and offered), its items typed; {@code fieldSelector} null for none. */
    public JsonNode list(ApiResource resource, Query query, String fieldSelector) {
        List<String> parameters = listParameters(query, fieldSelector);
        if (!query.withObjects()) {
            // kubectl reads in chunks of 500, except when sorting, which needs all rows at once.
            parameters.add(0, "limit=500");
        }
        JsonNode list = connection.send(Connection.Request.get(resource.collectionPath(namespace(query))
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters))).withAccept(accept(query)));
        if (isTable(list)) {
            return list;
        }
        ObjectNode typedList = list.deepCopy();
        ArrayNode items = typedList.putArray("items");
        list.path("items").forEach(item -> items.add(typed(resource, item)));
        return typedList;
    }

    /** One object by name, as a Table when asked and offered. */
    public JsonNode object(ApiResource resource, Query query, String name) {
        String path = resource.objectPath(namespace(query), name) + (query.withObjects() && query.asTable()
                ? "?includeObject=Object" : "");
        JsonNode object = connection.send(Connection.Request.get(path).withAccept(accept(query)));
        return isTable(object) ? object : typed(resource, object);
    }

    /** The watch of what {@link #list} or {@link #object} read, from its resourceVersion, as a stream of lines. */
    public Connection.LineStream watch(ApiResource resource, Query query, String name, String resourceVersion,
                                       java.util.function.Consumer<String> onLine) {
        String fieldSelector = name == null ? null : "metadata.name=" + name;
        List<String> parameters = listParameters(query, fieldSelector);
        parameters.add("resourceVersion=" + resourceVersion);
        parameters.add("watch=true");
        return connection.stream(resource.collectionPath(namespace(query)) + "?" + String.join("&", parameters),
                accept(query), onLine);
    }

    private String namespace(Query query) {
        return query.allNamespaces() ? null : connection.namespace();
    }

    private static String accept(Query query) {
        return query.asTable() ? TABLE : "application/json";
    }

    private static List<String> listParameters(Query query, String fieldSelector) {
        List<String> parameters = new ArrayList<>();
        if (fieldSelector != null) {
            parameters.add("fieldSelector=" + URLEncoder.encode(fieldSelector, StandardCharsets.UTF_8));
        }
        if (query.asTable() && query.withObjects()) {
            parameters.add("includeObject=Object");
        }
        if (query.labelSelector() != null) {
            parameters.add("labelSelector=" + URLEncoder.encode(query.labelSelector(), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static boolean isTable(JsonNode document) {
        return document != null && "Table".equals(document.path("kind").asText());
    }

    /**
     * The object as kubectl get reads it: apiVersion and kind filled in (list items come without them); the
     * printers leave managedFields out where kubectl does.
     */
    public static JsonNode typed(ApiResource resource, JsonNode item) {
        ObjectNode typed = Connection.JSON.createObjectNode();
        typed.put("apiVersion", resource.apiVersion());
        typed.put("kind", resource.kind());
        typed.setAll((ObjectNode) item.deepCopy());
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
