package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structural defaulting, as apiextensions-apiserver applies it to every write of a custom resource before
 * pruning and validation: a property with a {@code default} that is missing, or null without
 * {@code nullable: true}, gets a copy of the default (which is then defaulted itself); on writes a non-nullable
 * null without a default is dropped. Defaults reach into array items and additionalProperties values.
 */
final class Defaulter {
    private Defaulter() {
    }

    /** A write: defaults, and drops the non-nullable nulls nothing defaults. */
    static void apply(JsonNode value, JsonNode schema) {
        apply(value, schema, true);
    }

    /**
     * A read from storage, as upstream's storage decoder defaults (structuraldefaulting.Default without the
     * pruning of nulls): objects stored before their definition gained a default show it.
     */
    static void onRead(JsonNode value, JsonNode schema) {
        apply(value, schema, false);
    }

    private static void apply(JsonNode value, JsonNode schema, boolean dropNulls) {
        if (value instanceof ObjectNode object) {
            defaultObject(object, schema, dropNulls);
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            array.forEach(item -> apply(item, schema.get("items"), dropNulls));
        }
    }

    private static void defaultObject(ObjectNode object, JsonNode schema, boolean dropNulls) {
        JsonNode properties = schema.path("properties");
        List<String> nulls = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode current = object.get(property.getKey());
            boolean nonNullableNull = current != null && current.isNull()
                    && !property.getValue().path("nullable").asBoolean(false);
            if (property.getValue().has("default") && (current == null || nonNullableNull)) {
                object.set(property.getKey(), property.getValue().get("default").deepCopy());
            } else if (nonNullableNull && dropNulls) {
                nulls.add(property.getKey());
            }
        }
        object.remove(nulls);
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode fieldSchema = properties.get(field.getKey());
            if (fieldSchema == null && additional != null && additional.isObject()) {
                fieldSchema = additional;
            }
            if (fieldSchema != null) {
                apply(field.getValue(), fieldSchema, dropNulls);
            }
        }
    }
}
