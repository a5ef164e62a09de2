package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.ssa.Schema;
import dev.jctl.runtime.apiserver.openapi.SchemaCatalog;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A built-in kind's OpenAPI schema as the field-set engine sees it. List identity comes from
 * x-kubernetes-list-type/-list-map-keys, or for lists that only carry the older patch extensions from
 * x-kubernetes-patch-strategy: merge and its merge key, as upstream's schema conversion does; other lists are
 * atomic. Custom resources use their openAPIV3Schema; kinds without any schema walk untyped.
 */
final class CatalogSchema implements Schema {
    /**
     * Types kube marks {@code +structType=atomic} (or {@code +mapType=atomic}): owned and replaced as a whole. The
     * catalog does not carry x-kubernetes-map-type, so they are named here.
     */
    private static final Set<String> ATOMIC_STRUCTS = Set.of(
            "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
            "io.k8s.api.core.v1.LocalObjectReference",
            "io.k8s.api.core.v1.ObjectReference",
            "io.k8s.api.core.v1.TypedLocalObjectReference",
            "io.k8s.api.core.v1.ConfigMapKeySelector",
            "io.k8s.api.core.v1.SecretKeySelector",
            "io.k8s.api.core.v1.ObjectFieldSelector",
            "io.k8s.api.core.v1.ResourceFieldSelector",
            "io.k8s.api.core.v1.NodeSelector",
            "io.k8s.api.core.v1.NodeSelectorTerm");

    private final SchemaCatalog catalog;
    /** The node as its parent declares it: where list and map extensions sit. */
    private final JsonNode declared;
    /** The type behind a $ref or single-entry allOf: where properties sit. */
    private final JsonNode resolved;
    private final String typeName;

    private CatalogSchema(SchemaCatalog catalog, JsonNode declared) {
        this.catalog = catalog;
        this.declared = declared;
        String ref = refName(declared);
        this.typeName = ref;
        this.resolved = ref == null ? declared : catalog.schema(ref);
    }

    /** A built-in kind's catalog schema, a custom resource's openAPIV3Schema (which has no $refs), or none. */
    static Schema forKind(KindInfo kind) {
        if (kind.custom() != null) {
            JsonNode schema = kind.custom().schema();
            return schema == null || !schema.isObject() ? Schema.UNTYPED : new CatalogSchema(null, schema);
        }
        SchemaCatalog catalog = SchemaCatalog.builtin();
        return catalog.schemaName(kind.group(), kind.version(), kind.kind())
                .<Schema>map(name -> new CatalogSchema(catalog, catalog.schema(name)))
                .orElse(Schema.UNTYPED);
    }

    private static String refName(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null && node.path("allOf").size() == 1) {
            ref = node.path("allOf").get(0).get("$ref");
        }
        return ref == null ? null : ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
    }

    private Schema wrap(JsonNode node) {
        return node == null || !node.isObject() ? Schema.UNTYPED : new CatalogSchema(catalog, node);
    }

    @Override
    public boolean atomicMap() {
        return "atomic".equals(declared.path("x-kubernetes-map-type").asText())
                || "atomic".equals(resolved.path("x-kubernetes-map-type").asText())
                || (typeName != null && ATOMIC_STRUCTS.contains(typeName));
    }

    @Override
    public Schema field(String name) {
        JsonNode property = resolved.path("properties").get(name);
        return wrap(property != null ? property : resolved.get("additionalProperties"));
    }

    @Override
    public boolean declares(String name) {
        return resolved.path("properties").has(name);
    }

    @Override
    public ListType listType() {
        return switch (resolved.path("x-kubernetes-list-type").asText(declared.path("x-kubernetes-list-type").asText())) {
            case "map" -> ListType.MAP;
            case "set" -> ListType.SET;
            case "atomic" -> ListType.ATOMIC;
            default -> mergeKey() != null ? ListType.MAP : ListType.ATOMIC;
        };
    }

    @Override
    public List<String> listKeys() {
        JsonNode keys = declared.get("x-kubernetes-list-map-keys");
        if (keys != null && keys.isArray()) {
            List<String> names = new ArrayList<>();
            keys.forEach(k -> names.add(k.asText()));
            return names;
        }
        String key = mergeKey();
        return key == null ? List.of() : List.of(key);
    }

    private String mergeKey() {
        boolean merge = declared.path("x-kubernetes-patch-strategy").asText().contains("merge");
        JsonNode key = declared.get("x-kubernetes-patch-merge-key");
        return merge && key != null ? key.asText() : null;
    }

    /**
     * The structured-merge-diff shape of this node, as kube's OpenAPI-to-SMD conversion makes it: integers and
     * numbers {@code numeric}, int-or-string and quantities {@code untyped} scalars, objects with fields maps,
     * arrays lists; null where it is deduced from the value (no type, preserve-unknown-fields).
     */
    String shape() {
        if (resolved.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return null;
        }
        if (resolved.path("x-kubernetes-int-or-string").asBoolean(false) || resolved.has("oneOf")) {
            return "untyped";
        }
        return switch (resolved.path("type").asText()) {
            case "integer", "number" -> "numeric";
            case "string", "boolean", "array" -> resolved.path("type").asText();
            case "object" -> resolved.has("properties") || resolved.path("additionalProperties").isObject()
                    ? "map" : null;
            default -> null;
        };
    }

    @Override
    public Schema items() {
        return wrap(resolved.get("items"));
    }
}
