package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI v3 component schemas of every built-in kind, its list kind and every type they reach, named as
 * kube-apiserver names them, with the x-kubernetes-patch-* extensions of the diff-engine's patch table.
 *
 * <p>They are generated from the fabric8 model classes at build time into {@value #RESOURCE} (loading ~400 model
 * classes costs seconds on a cold JVM; parsing the resource a few tens of milliseconds), and loaded once per
 * process on first use. {@code BuiltinSchemasResourceTest} regenerates them and fails when the resource is
 * stale. The schemas are shared by every document built from them and must not be modified.
 */
public final class SchemaCatalog {
    static final String RESOURCE = "builtin-schemas.json";

    private final Map<String, ObjectNode> schemas;
    private final Map<String, String> byGroupVersionKind;

    SchemaCatalog(JsonNode resource) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        resource.path("schemas").properties().forEach(e -> byName.put(e.getKey(), (ObjectNode) e.getValue()));
        Map<String, String> kinds = new LinkedHashMap<>();
        resource.path("kinds").properties().forEach(e -> kinds.put(e.getKey(), e.getValue().asText()));
        this.schemas = Collections.unmodifiableMap(byName);
        this.byGroupVersionKind = Map.copyOf(kinds);
    }

    private static final class Builtin {
        static final SchemaCatalog INSTANCE = load();

        private static SchemaCatalog load() {
            try (InputStream in = SchemaCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return new SchemaCatalog(Json.MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static SchemaCatalog builtin() {
        return Builtin.INSTANCE;
    }

    static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }

    /** The schema name of a built-in kind or list kind; empty for kinds without one, such as custom resources. */
    public Optional<String> schemaName(String group, String version, String kind) {
        return Optional.ofNullable(byGroupVersionKind.get(key(group, version, kind)));
    }

    /** Every schema by name, sorted by name. */
    public Map<String, ObjectNode> schemas() {
        return schemas;
    }

    public JsonNode schema(String name) {
        JsonNode schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return schema;
    }

    /** The given schemas and every schema they refer to, directly or not, sorted by name. */
    public Set<String> reachableFrom(Collection<String> roots) {
        Set<String> seen = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (seen.add(name)) {
                collectRefs(schema(name), pending);
            }
        }
        return seen;
    }

    private static void collectRefs(JsonNode node, Deque<String> into) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            into.push(SchemaRefs.refName(node));
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectRefs(child, into));
        }
    }
}
