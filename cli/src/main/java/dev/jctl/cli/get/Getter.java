package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.diff.io.GoStrings;
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
     * @param labelSelector  empty or null for none
     * @param fieldSelector  empty or null for none
     * @param allNamespaces  list across namespaces ({@code -A})
     * @param asTable        ask for the server's Tables (human-readable output)
     * @param withObjects    Tables whose rows carry the whole object ({@code --sort-by} reads it)
     * @param chunkSize      {@code --chunk-size}: list in pages of this many objects, 0 for one request
     * @param ignoreNotFound {@code --ignore-not-found}: objects (and lists) not found are no error
     */
    public record Query(List<ResourceArguments.Selection> selections, String labelSelector, String fieldSelector,
                        boolean allNamespaces, boolean asTable, boolean withObjects, long chunkSize,
                        boolean ignoreNotFound) {
        public Query {
            selections = List.copyOf(selections);
        }

        /**
         * The query of get's resource arguments and selectors (trimmed, as kubectl's builder takes them), checked
         * as that builder checks them.
         *
         * @throws IllegalArgumentException in its words for arguments it refuses
         */
        public static Query of(List<String> arguments, String labelSelector, String fieldSelector, PrintOptions options,
                               long chunkSize, boolean ignoreNotFound) {
            List<ResourceArguments.Selection> selections = ResourceArguments.parse(arguments);
            String labels = labelSelector == null ? "" : labelSelector.strip();
            String fields = fieldSelector == null ? "" : fieldSelector.strip();
            if (!labels.isEmpty() || !fields.isEmpty()) {
                ResourceArguments.refuseNamesWithSelector(arguments);
            }
            return new Query(selections, labels, fields, options.allNamespaces(), options.format().humanReadable(),
                    options.sortBy() != null, chunkSize, ignoreNotFound);
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

    /** What was found, in order, and the errors of the reads that failed, in kubectl's words. */
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

    /**
     * Reads every selection, going on past a failed read as kubectl's builder does (ContinueOnError): its error is
     * kept for the end. A listing is read in chunks, except to sort it, which needs every row at once.
     */
    public Found get(Query query) {
        List<List<ApiResource>> resolved = query.selections().stream().map(s -> resolve(s.types())).toList();
        List<Item> items = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            List<String> names = query.selections().get(i).names();
            for (ApiResource resource : resolved.get(i)) {
                if (names.isEmpty()) {
                    try {
                        for (JsonNode page : list(resource, query, query.withObjects() ? 0 : query.chunkSize())) {
                            if (isTable(page)) {
                                items.add(new Item(resource, page));
                            } else {
                                page.path("items").forEach(item -> items.add(new Item(resource, item)));
                            }
                        }
                    } catch (ApiException e) {
                        keep(e, query, errors);
                    }
                    continue;
                }
                for (String name : names) {
                    try {
                        items.add(new Item(resource, object(resource, query, name)));
                    } catch (ApiException e) {
                        keep(e, query, errors);
                    }
                }
            }
        }
        return new Found(items, errors);
    }

    private static void keep(ApiException error, Query query, List<String> errors) {
        if (!(query.ignoreNotFound() && error.isNotFound())) {
            errors.add(error.kubectlMessage());
        }
    }

    /**
     * The pages of a listing: Tables when asked and offered, else lists with their items typed; {@code chunkSize}
     * objects a page, following the server's {@code continue} tokens, or one page for 0.
     *
     * @throws ApiException with the words kubectl's builder adds to a refused listing
     */
    public List<JsonNode> list(ApiResource resource, Query query, long chunkSize) {
        List<JsonNode> pages = new ArrayList<>();
        String token = "";
        do {
            List<String> parameters = listParameters(query, query.fieldSelector());
            if (chunkSize != 0) {
                // a negative size goes to the server too, which refuses it
                parameters.add("limit=" + chunkSize);
            }
            if (!token.isEmpty()) {
                parameters.add("continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            }
            JsonNode page;
            try {
                page = connection.send(Connection.Request.get(resource.collectionPath(namespace(query))
                        + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters))).withAccept(accept(query)));
            } catch (ApiException e) {
                throw listError(e, resource, query);
            }
            pages.add(isTable(page) ? page : typedItems(resource, page));
            token = page.path("metadata").path("continue").asText("");
        } while (!token.isEmpty());
        return pages;
    }

    /** cli-runtime's EnhanceListError: what was being listed, for a list refused as a bad request or not found. */
    private static ApiException listError(ApiException e, ApiResource resource, Query query) {
        boolean known = e.reason().equals("BadRequest") || e.reason().equals("NotFound");
        if (!known && !(e.reason().isEmpty() && (e.code() == 400 || e.code() == 404))) {
            return e;
        }
        String labels = query.labelSelector() == null ? "" : query.labelSelector();
        String fields = query.fieldSelector() == null ? "" : query.fieldSelector();
        String subject = GoStrings.quote(resource.groupVersionResource());
        return e.withMessage(labels.isEmpty() && fields.isEmpty() ? "Unable to list " + subject + ": " + e.getMessage()
                : "Unable to find " + subject + " that match label selector " + GoStrings.quote(labels)
                + ", field selector " + GoStrings.quote(fields) + ": " + e.getMessage());
    }

    private static JsonNode typedItems(ApiResource resource, JsonNode list) {
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
        List<String> parameters = listParameters(query, name == null ? query.fieldSelector() : "metadata.name=" + name);
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
        if (fieldSelector != null && !fieldSelector.isEmpty()) {
            parameters.add("fieldSelector=" + URLEncoder.encode(fieldSelector, StandardCharsets.UTF_8));
        }
        if (query.asTable() && query.withObjects()) {
            parameters.add("includeObject=Object");
        }
        if (query.labelSelector() != null && !query.labelSelector().isEmpty()) {
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
