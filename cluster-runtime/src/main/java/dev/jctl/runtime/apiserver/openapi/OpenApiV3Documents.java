package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.openapi.Operation.Parameter;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code /openapi/v3}: the index of served group-versions and, per group-version, the document of its paths and
 * operations with the component schemas its kinds reach. Documents are built on first request and cached for as
 * long as the group-version serves the same kinds (custom resources change that).
 */
public final class OpenApiV3Documents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What every custom resource's metadata refers to. */
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final String API_VERSION_DOC = "APIVersion defines the versioned schema of this representation"
            + " of an object. Servers should convert recognized schemas to the latest internal value, and may reject"
            + " unrecognized values. More info:"
            + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    private static final String KIND_DOC = "Kind is a string value representing the REST resource this object"
            + " represents. Servers may infer this from the endpoint the client submits requests to. Cannot be"
            + " updated. In CamelCase. More info:"
            + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private static final String EMBEDDED_API_VERSION_DOC = "apiVersion defines the versioned schema of this"
            + " representation of an object. More info:"
            + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    private static final String EMBEDDED_KIND_DOC = "kind is a string value representing the type of this object."
            + " In CamelCase. More info:"
            + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private static final String METADATA_DOC = "Standard object's metadata. More info:"
            + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    private final KindRegistry registry;
    private final Supplier<SchemaCatalog> catalogs;
    private final String kubernetesVersion;
    /** Per group-version, the document and the kinds it was built for. */
    private final Map<String, Built> cache = new ConcurrentHashMap<>();

    private record Built(List<KindInfo> kinds, ObjectNode document) {
    }

    /**
     * @param catalogs          asked for the schemas when the first document is built, so that serving starts
     *                          without loading them
     * @param kubernetesVersion the version the server reports, such as {@code v1.32.0}
     */
    public OpenApiV3Documents(KindRegistry registry, Supplier<SchemaCatalog> catalogs, String kubernetesVersion) {
        this.registry = registry;
        this.catalogs = catalogs;
        this.kubernetesVersion = kubernetesVersion;
    }

    /** The index: one {@code serverRelativeURL} per served group-version. */
    public ObjectNode index() {
        ObjectNode doc = NODES.objectNode();
        ObjectNode paths = doc.putObject("paths");
        registry.groupVersions().forEach((group, versions) -> {
            for (String v : versions) {
                String gv = group.isEmpty() ? "api/" + v : "apis/" + group + "/" + v;
                paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv);
            }
        });
        return doc;
    }

    /** The document of a group-version ({@code ""} for the core group), empty when nothing is served there. */
    public Optional<ObjectNode> forGroupVersion(String group, String version) {
        List<KindInfo> kinds = registry.inGroupVersion(group, version);
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        // callers serialise the document; it is shared and never modified after it is built
        Built built = cache.compute(group + "/" + version, (gv, cached) ->
                cached != null && cached.kinds().equals(kinds) ? cached : new Built(kinds, build(kinds)));
        return Optional.of(built.document());
    }

    private ObjectNode build(List<KindInfo> kinds) {
        SchemaCatalog catalog = catalogs.get();
        ResourceOperations operations = new ResourceOperations(catalog);
        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", kubernetesVersion);
        ObjectNode paths = doc.putObject("paths");
        List<String> roots = new ArrayList<>();
        ObjectNode schemas = NODES.objectNode();
        for (KindInfo k : kinds) {
            String schema = catalog.schemaName(k.group(), k.version(), k.kind()).orElse(null);
            String listSchema = catalog.schemaName(k.group(), k.version(), k.listKind()).orElse(null);
            if (schema == null) {
                schema = customResourceSchemaName(k);
                schemas.set(schema, customResourceSchema(k, false));
                roots.add(OBJECT_META);
            }
            operations.paths(k, schema, listSchema).forEach((path, ops) -> {
                ObjectNode item = paths.putObject(path);
                for (Operation op : ops) {
                    item.set(op.method(), operation(op, k.custom() != null));
                    addRoots(op, roots);
                }
                item.set("parameters", pathParameters(path));
            });
        }
        for (String name : catalog.reachableFrom(roots.stream().filter(catalog.schemas()::containsKey).toList())) {
            schemas.set(name, catalog.schemas().get(name));
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", sorted(schemas));
        components.putObject("securitySchemes").putObject("BearerToken").put("type", "apiKey")
                .put("description", "A bearer token in the Authorization header").put("name", "authorization")
                .put("in", "header");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    private static void addRoots(Operation op, List<String> roots) {
        if (op.body() != null) {
            roots.add(op.body());
        }
        if (op.response() != null) {
            roots.add(op.response());
        }
    }

    private static ObjectNode sorted(ObjectNode schemas) {
        ObjectNode out = NODES.objectNode();
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        names.forEach(n -> out.set(n, schemas.get(n)));
        return out;
    }

    private static ObjectNode operation(Operation op, boolean customResource) {
        ObjectNode node = NODES.objectNode();
        node.put("operationId", op.operationId());
        ArrayNode parameters = node.putArray("parameters");
        for (Parameter p : op.query()) {
            ObjectNode param = parameters.addObject().put("name", p.name()).put("in", "query")
                    .put("description", p.description());
            param.putObject("schema").put("type", p.type()).put("uniqueItems", true);
        }
        if (op.body() != null) {
            ObjectNode content = node.putObject("requestBody").put("required", true).putObject("content");
            for (String type : op.patch() ? Operation.patchTypes(customResource) : List.of("*/*")) {
                content.putObject(type).putObject("schema").put("$ref", SchemaRefs.V3_PREFIX + op.body());
            }
        }
        ObjectNode responses = node.putObject("responses");
        if (op.response() != null) {
            ObjectNode ok = responses.putObject("200").put("description", "OK").putObject("content");
            for (String type : List.of("application/json", "application/yaml")) {
                ok.putObject(type).putObject("schema").put("$ref", SchemaRefs.V3_PREFIX + op.response());
            }
            if (op.action().equals("post") || op.action().equals("put") || op.action().equals("patch")) {
                responses.putObject("201").put("description", "Created").set("content", ok.deepCopy());
            }
        }
        responses.putObject("401").put("description", "Unauthorized");
        node.put("x-kubernetes-action", op.action());
        node.putObject("x-kubernetes-group-version-kind").put("group", op.group()).put("kind", op.kind())
                .put("version", op.version());
        return node;
    }

    static ArrayNode pathParameters(String path) {
        ArrayNode parameters = NODES.arrayNode();
        for (String name : List.of("name", "namespace")) {
            if (path.contains("{" + name + "}")) {
                parameters.addObject().put("name", name).put("in", "path").put("required", true)
                        .put("description", name + " of the " + (name.equals("name") ? "object" : "namespace"))
                        .putObject("schema").put("type", "string").put("uniqueItems", true);
            }
        }
        parameters.addObject().put("name", "pretty").put("in", "query")
                .put("description", "Pretty-print the output when 'true'.")
                .putObject("schema").put("type", "string").put("uniqueItems", true);
        return parameters;
    }

    /** Upstream names a custom resource's schema by its reversed group: {@code com.example.stable.v1.CronTab}. */
    static String customResourceSchemaName(KindInfo k) {
        String[] labels = k.group().split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            name.append(labels[i]).append('.');
        }
        return name.append(k.version()).append('.').append(k.kind()).toString();
    }

    /**
     * A custom resource's schema as apiextensions-apiserver publishes it: the CRD version's openAPIV3Schema with
     * apiVersion, kind and metadata (ObjectMeta) filled in, at the root and in each embedded resource (but, for
     * {@code v2}, not in embedded resources that keep unknown fields, as upstream leaves them out there so that
     * kubectl's client-side validation lets them through). A kind that has no schema gets any object, so that
     * explain and validation accept what it holds.
     */
    static ObjectNode customResourceSchema(KindInfo k, boolean v2) {
        ObjectNode schema;
        if (k.custom() != null && k.custom().schema() != null && k.custom().schema().isObject()) {
            schema = (ObjectNode) k.custom().schema().deepCopy();
            addEmbeddedProperties(schema, v2);
            ObjectNode properties = schema.withObjectProperty("properties");
            properties.putObject("apiVersion").put("type", "string").put("description", API_VERSION_DOC);
            properties.putObject("kind").put("type", "string").put("description", KIND_DOC);
            properties.set("metadata", SchemaRefs.ref(OBJECT_META).put("description", METADATA_DOC));
        } else {
            schema = NODES.objectNode().put("type", "object");
            schema.put("x-kubernetes-preserve-unknown-fields", true);
        }
        schema.putArray("x-kubernetes-group-version-kind").addObject().put("group", k.group()).put("kind", k.kind())
                .put("version", k.version());
        return schema;
    }

    private static void addEmbeddedProperties(JsonNode schema, boolean v2) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        node.path("properties").forEach(property -> addEmbeddedProperties(property, v2));
        addEmbeddedProperties(node.get("items"), v2);
        addEmbeddedProperties(node.get("additionalProperties"), v2);
        if (v2 && node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                || !node.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            return;
        }
        ObjectNode properties = node.withObjectProperty("properties");
        properties.putObject("apiVersion").put("type", "string").put("description", EMBEDDED_API_VERSION_DOC);
        properties.putObject("kind").put("type", "string").put("description", EMBEDDED_KIND_DOC);
        properties.set("metadata", SchemaRefs.ref(OBJECT_META).put("description", METADATA_DOC));
        Set<String> required = new HashSet<>();
        node.path("required").forEach(field -> required.add(field.asText()));
        for (String field : List.of("kind", "apiVersion")) {
            if (!required.contains(field)) {
                node.withArrayProperty("required").add(field);
            }
        }
    }
}
