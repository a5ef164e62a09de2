package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structural pruning, as apiextensions-apiserver does on every write of a custom resource: fields the schema does
 * not specify are dropped, except under {@code x-kubernetes-preserve-unknown-fields: true}. An object schema
 * without properties keeps nothing unless it preserves unknown fields or has additionalProperties.
 */
final class Pruner {
    private static final List<String> TYPE_META = List.of("apiVersion", "kind", "metadata");

    private Pruner() {
    }

    /** Prunes a whole object; apiVersion, kind and metadata are the API server's and always stay. */
    static void prune(ObjectNode object, JsonNode schema) {
        pruneObject(object, schema, true);
    }

    private static void prune(JsonNode value, JsonNode schema) {
        if (value instanceof ObjectNode object) {
            pruneObject(object, schema, schema.path("x-kubernetes-embedded-resource").asBoolean(false));
        } else if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                prune(item, schema.get("items"));
            }
        }
    }

    private static void pruneObject(ObjectNode object, JsonNode schema, boolean keepTypeMeta) {
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
            if (fieldSchema != null) {
                prune(field.getValue(), fieldSchema);
            } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                unknown.add(name);
            }
        }
        object.remove(unknown);
    }
}
