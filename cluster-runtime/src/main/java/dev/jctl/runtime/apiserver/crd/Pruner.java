package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural pruning, as apiextensions-apiserver does on every write of a custom resource: fields the schema does
 * not specify are dropped, except under {@code x-kubernetes-preserve-unknown-fields: true}. An object schema
 * without properties keeps nothing unless it preserves unknown fields or has additionalProperties.
 */
final class Pruner {
    private static final List<String> TYPE_META = List.of("apiVersion", "kind", "metadata");

    /**
     * What pruning saw: the paths of the fields it dropped ({@code spec.foo}, {@code spec.items[0].bar}), sorted as
     * upstream's strict decoding reports them, and, by path, the metadata of each embedded resource, which pruning
     * leaves to ObjectMeta's own rules.
     */
    record Pruned(List<String> fields, Map<String, ObjectNode> embeddedMetadata) {
    }

    private Pruner() {
    }

    /** Prunes a whole object; apiVersion, kind and metadata are the API server's and always stay. */
    static Pruned prune(ObjectNode object, JsonNode schema) {
        Pruned pruned = new Pruned(new ArrayList<>(), new LinkedHashMap<>());
        pruneObject(object, schema, true, "", pruned);
        Collections.sort(pruned.fields());
        return pruned;
    }

    /** Prunes a value somewhere inside an object (such as a default) by its own schema; true when it dropped any. */
    static boolean pruneValue(JsonNode value, JsonNode schema) {
        Pruned pruned = new Pruned(new ArrayList<>(), new LinkedHashMap<>());
        prune(value, schema, "", pruned);
        return !pruned.fields().isEmpty();
    }

    private static void prune(JsonNode value, JsonNode schema, String path, Pruned pruned) {
        if (value instanceof ObjectNode object) {
            boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
            if (embedded && object.get("metadata") instanceof ObjectNode metadata) {
                pruned.embeddedMetadata().put(path, metadata);
            }
            pruneObject(object, schema, embedded, path, pruned);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                prune(value.get(i), schema.get("items"), path + "[" + i + "]", pruned);
            }
        }
    }

    private static void pruneObject(ObjectNode object, JsonNode schema, boolean keepTypeMeta, String path,
                                    Pruned pruned) {
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (keepTypeMeta && TYPE_META.contains(name)) {
                continue;
            }
            JsonNode fieldSchema = properties.get(name);
            if (fieldSchema == null && additional != null && additional.isObject()) {
                fieldSchema = additional;
            }
            String child = path.isEmpty() ? name : path + "." + name;
            if (fieldSchema != null) {
                prune(field.getValue(), fieldSchema, child, pruned);
            } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                unknown.add(name);
                pruned.fields().add(child);
            }
        }
        object.remove(unknown);
    }
}
