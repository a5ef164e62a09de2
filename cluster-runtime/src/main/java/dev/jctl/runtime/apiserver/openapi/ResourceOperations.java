package dev.jctl.runtime.apiserver.openapi;

import dev.jctl.runtime.apiserver.openapi.Operation.Parameter;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.Subresource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paths and operations of a served resource, named and parameterised as kube-apiserver publishes them.
 * kubectl reads the {@code fieldValidation} parameter of the POST/PATCH operations to decide that the server
 * validates fields itself.
 */
final class ResourceOperations {
    private static final Parameter DRY_RUN = new Parameter("dryRun", "string",
            "When present, modifications are not persisted. The only valid value is All.");
    private static final Parameter FIELD_MANAGER = new Parameter("fieldManager", "string",
            "A name for the actor or entity making these changes, recorded in managedFields.");
    private static final Parameter FIELD_VALIDATION = new Parameter("fieldValidation", "string",
            "How to handle unknown or duplicate fields in the request: Ignore, Warn or Strict.");
    private static final Parameter FORCE = new Parameter("force", "boolean",
            "Force an apply request to take fields owned by other managers. Only valid for apply patches.");
    private static final List<Parameter> LIST = List.of(
            new Parameter("allowWatchBookmarks", "boolean", "Ask for BOOKMARK watch events."),
            new Parameter("continue", "string", "The continue token of the previous page."),
            new Parameter("fieldSelector", "string", "Restrict the returned objects by their fields."),
            new Parameter("labelSelector", "string", "Restrict the returned objects by their labels."),
            new Parameter("limit", "integer", "The maximum number of objects to return in one page."),
            new Parameter("resourceVersion", "string", "The resource version to list or watch from."),
            new Parameter("resourceVersionMatch", "string", "How resourceVersion applies to a list."),
            new Parameter("timeoutSeconds", "integer", "The duration of a list or watch call."),
            new Parameter("watch", "boolean", "Watch for changes instead of listing."));
    private static final List<Parameter> DELETE = List.of(DRY_RUN,
            new Parameter("gracePeriodSeconds", "integer", "The duration in seconds before the object is deleted."),
            new Parameter("propagationPolicy", "string",
                    "Whether and how dependents are garbage collected: Orphan, Background or Foreground."));
    private static final List<Parameter> WRITE = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION);
    private static final List<Parameter> PATCH = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE);

    static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    static final String DELETE_OPTIONS = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    static final String PATCH_SCHEMA = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private final SchemaCatalog catalog;

    ResourceOperations(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Path to its operations, in the order kube-apiserver lists them. */
    Map<String, List<Operation>> paths(KindInfo k, String schema, String listSchema) {
        String prefix = k.group().isEmpty() ? "/api/" + k.version() : "/apis/" + k.group() + "/" + k.version();
        String scoped = prefix + (k.namespaced() ? "/namespaces/{namespace}/" : "/") + k.plural();
        String ns = k.namespaced() ? "Namespaced" : "";
        String id = idGroup(k) + ns + k.kind();
        Map<String, List<Operation>> paths = new LinkedHashMap<>();

        List<Operation> collection = new ArrayList<>();
        add(collection, k, "list", op(k, "get", "list", "list" + id, LIST, null, false, listSchema));
        add(collection, k, "create", op(k, "post", "post", "create" + id, WRITE, schema, false, schema));
        if (k.hasVerb("deletecollection")) {
            List<Parameter> params = new ArrayList<>(DELETE);
            params.addAll(LIST);
            collection.add(op(k, "delete", "deletecollection", "deleteCollection" + id, params,
                    DELETE_OPTIONS, false, STATUS));
        }
        paths.put(scoped, collection);

        List<Operation> item = new ArrayList<>();
        add(item, k, "get", op(k, "get", "get", "read" + id, List.of(), null, false, schema));
        add(item, k, "update", op(k, "put", "put", "replace" + id, WRITE, schema, false, schema));
        add(item, k, "delete", op(k, "delete", "delete", "delete" + id, DELETE, DELETE_OPTIONS, false,
                STATUS));
        add(item, k, "patch", op(k, "patch", "patch", "patch" + id, PATCH, PATCH_SCHEMA, true, schema));
        paths.put(scoped + "/{name}", item);

        for (Subresource sub : k.subresources()) {
            String subSchema = catalog.schemaName(sub.group(), sub.version(), sub.kind()).orElse(null);
            if (!sub.verbs().contains("get") || subSchema == null) {
                continue;
            }
            String suffix = capitalize(sub.name());
            paths.put(scoped + "/{name}/" + sub.name(), List.of(
                    subOp(k, sub, "get", "get", "read" + id + suffix, List.of(), null, false, subSchema),
                    subOp(k, sub, "put", "put", "replace" + id + suffix, WRITE, subSchema, false, subSchema),
                    subOp(k, sub, "patch", "patch", "patch" + id + suffix, PATCH, PATCH_SCHEMA, true,
                            subSchema)));
        }
        if (k.namespaced() && k.hasVerb("list")) {
            paths.put(prefix + "/" + k.plural(), List.of(op(k, "get", "list",
                    "list" + idGroup(k) + k.kind() + "ForAllNamespaces", LIST, null, false, listSchema)));
        }
        return paths;
    }

    private static void add(List<Operation> into, KindInfo k, String verb, Operation op) {
        if (k.hasVerb(verb)) {
            into.add(op);
        }
    }

    private static Operation op(KindInfo k, String method, String action, String id, List<Parameter> query,
                                String body, boolean patch, String response) {
        return new Operation(method, action, id, k.group(), k.version(), k.kind(), query, body, patch, response);
    }

    private static Operation subOp(KindInfo k, Subresource sub, String method, String action, String id,
                                   List<Parameter> query, String body, boolean patch, String response) {
        return new Operation(method, action, id, sub.group(), sub.version(), sub.kind(), query, body, patch,
                response);
    }

    /** {@code CoreV1}, {@code AppsV1}, {@code RbacAuthorizationV1}: upstream's operation id prefix. */
    private static String idGroup(KindInfo k) {
        String group = k.group().isEmpty() ? "core" : k.group().replace(".k8s.io", "");
        StringBuilder id = new StringBuilder();
        for (String part : group.split("\\.")) {
            id.append(capitalize(part));
        }
        return id.append(capitalize(k.version())).toString();
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
