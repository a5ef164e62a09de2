package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.openapi.Operation.Parameter;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code /openapi/v2} as JSON: one Swagger 2.0 document of every served path with {@code #/definitions/...}
 * references. kubectl asks for v2 only as protobuf and only when v3 fails; clients such as older client
 * libraries and tools that read the server's patch metadata read this JSON form.
 */
public final class OpenApiV2Document {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final KindRegistry registry;
    private final Supplier<SchemaCatalog> catalogs;
    private final String kubernetesVersion;
    /** The document and the kinds it was built for, rebuilt when custom resources change them. */
    private final AtomicReference<Map.Entry<List<KindInfo>, ObjectNode>> cached = new AtomicReference<>();

    /** {@code catalogs} is asked for the schemas when the document is first built. */
    public OpenApiV2Document(KindRegistry registry, Supplier<SchemaCatalog> catalogs, String kubernetesVersion) {
        this.registry = registry;
        this.catalogs = catalogs;
        this.kubernetesVersion = kubernetesVersion;
    }

    /** The document; shared, never modified after it is built. */
    public ObjectNode document() {
        List<KindInfo> kinds = registry.all();
        Map.Entry<List<KindInfo>, ObjectNode> current = cached.get();
        if (current == null || !current.getKey().equals(kinds)) {
            current = Map.entry(kinds, build(kinds));
            cached.set(current);
        }
        return current.getValue();
    }

    private ObjectNode build(List<KindInfo> kinds) {
        SchemaCatalog catalog = catalogs.get();
        ResourceOperations operations = new ResourceOperations(catalog);
        ObjectNode doc = NODES.objectNode();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", kubernetesVersion);
        ObjectNode paths = doc.putObject("paths");
        Map<String, JsonNode> definitions = new TreeMap<>();
        List<String> roots = new ArrayList<>();
        for (KindInfo k : kinds) {
            String schema = catalog.schemaName(k.group(), k.version(), k.kind()).orElse(null);
            String listSchema = catalog.schemaName(k.group(), k.version(), k.listKind()).orElse(null);
            if (schema == null) {
                schema = OpenApiV3Documents.customResourceSchemaName(k);
                definitions.put(schema, toV2Schema(OpenApiV3Documents.customResourceSchema(k, true)));
                roots.add(OpenApiV3Documents.OBJECT_META);
            }
            operations.paths(k, schema, listSchema).forEach((path, ops) -> {
                ObjectNode item = paths.putObject(path);
                for (Operation op : ops) {
                    item.set(op.method(), operation(op, k.custom() != null));
                    if (op.body() != null) {
                        roots.add(op.body());
                    }
                    if (op.response() != null) {
                        roots.add(op.response());
                    }
                }
                item.set("parameters", toV2Parameters(OpenApiV3Documents.pathParameters(path)));
            });
        }
        for (String name : catalog.reachableFrom(roots.stream().filter(catalog.schemas()::containsKey).toList())) {
            definitions.put(name, toV2Schema(catalog.schema(name)));
        }
        ObjectNode defs = doc.putObject("definitions");
        definitions.forEach(defs::set);
        doc.putObject("securityDefinitions").putObject("BearerToken").put("type", "apiKey")
                .put("description", "A bearer token in the Authorization header").put("name", "authorization")
                .put("in", "header");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    private static ObjectNode operation(Operation op, boolean customResource) {
        ObjectNode node = NODES.objectNode();
        ArrayNode consumes = node.putArray("consumes");
        (op.patch() ? Operation.patchTypes(customResource) : List.of("*/*")).forEach(consumes::add);
        node.putArray("produces").add("application/json").add("application/yaml");
        node.putArray("schemes").add("https");
        node.put("operationId", op.operationId());
        ArrayNode parameters = node.putArray("parameters");
        if (op.body() != null) {
            parameters.addObject().put("name", "body").put("in", "body").put("required", true)
                    .putObject("schema").put("$ref", SchemaRefs.V2_PREFIX + op.body());
        }
        for (Parameter p : op.query()) {
            parameters.addObject().put("uniqueItems", true).put("type", p.type()).put("description", p.description())
                    .put("name", p.name()).put("in", "query");
        }
        ObjectNode responses = node.putObject("responses");
        if (op.response() != null) {
            responses.putObject("200").put("description", "OK").putObject("schema")
                    .put("$ref", SchemaRefs.V2_PREFIX + op.response());
        }
        responses.putObject("401").put("description", "Unauthorized");
        node.put("x-kubernetes-action", op.action());
        node.putObject("x-kubernetes-group-version-kind").put("group", op.group()).put("kind", op.kind())
                .put("version", op.version());
        return node;
    }

    private static ArrayNode toV2Parameters(ArrayNode v3) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode p : v3) {
            ObjectNode param = ((ObjectNode) p).deepCopy();
            JsonNode schema = param.remove("schema");
            param.setAll((ObjectNode) schema);
            out.add(param);
        }
        return out;
    }

    /**
     * v3 wraps a reference in {@code allOf} to give it siblings; v2 puts the siblings next to {@code $ref}.
     */
    static JsonNode toV2Schema(JsonNode v3) {
        if (v3.isArray()) {
            ArrayNode out = NODES.arrayNode();
            v3.forEach(item -> out.add(toV2Schema(item)));
            return out;
        }
        if (!v3.isObject()) {
            return v3;
        }
        ObjectNode out = NODES.objectNode();
        String ref = SchemaRefs.refName(v3);
        for (Iterator<Map.Entry<String, JsonNode>> it = v3.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (ref != null && (e.getKey().equals("allOf") || e.getKey().equals("$ref"))) {
                continue;
            }
            if (e.getKey().equals("oneOf")) {
                // Swagger 2.0 has no oneOf; kube-apiserver's v2 declares int-or-string and quantities as strings
                out.put("type", "string");
                continue;
            }
            out.set(e.getKey(), toV2Schema(e.getValue()));
        }
        if (ref != null) {
            out.put("$ref", SchemaRefs.V2_PREFIX + ref);
        }
        return out;
    }
}
