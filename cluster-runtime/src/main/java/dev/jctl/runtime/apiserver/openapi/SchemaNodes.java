package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Walking a request along OpenAPI schemas: {@code $ref} and single-entry {@code allOf} followed to the schema they
 * name, the schema of an object's field, and which subtrees are left open. Shared by field validation and by the
 * typed decoding checks, which walk the same schemas with different questions.
 */
final class SchemaNodes {
    private final Map<String, ? extends JsonNode> schemas;

    SchemaNodes(Map<String, ? extends JsonNode> schemas) {
        this.schemas = schemas;
    }

    /** The schema with references followed; null where nothing is checked (unknown, preserve-unknown-fields). */
    JsonNode checked(JsonNode schema) {
        JsonNode s = resolve(schema);
        return s == null || s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) ? null : s;
    }

    /** Objects whose schema declares neither properties nor additional properties are open (RawExtension, JSON). */
    static boolean declaresFields(JsonNode s) {
        JsonNode additional = s.get("additionalProperties");
        return s.get("properties") != null || additional != null && additional.isObject();
    }

    /** The schema of field {@code key}, or null when the object's schema does not allow it. */
    static JsonNode fieldSchema(JsonNode s, String key) {
        JsonNode properties = s.get("properties");
        JsonNode field = properties != null ? properties.get(key) : null;
        JsonNode additional = s.get("additionalProperties");
        return field == null && additional != null && additional.isObject() ? additional : field;
    }

    /** The name of the component schema {@code schema} refers to, following chains; null for inline schemas. */
    String typeName(JsonNode schema) {
        String name = null;
        JsonNode s = schema;
        for (int depth = 0; s != null && depth < 8; depth++) {
            JsonNode allOf = s.get("allOf");
            if (allOf != null && allOf.size() == 1 && s.get("properties") == null) {
                s = allOf.get(0);
                continue;
            }
            if (s.get("$ref") == null) {
                return name;
            }
            name = SchemaRefs.refName(s);
            s = schemas.get(name);
        }
        return name;
    }

    /** Follows {@code allOf: [{$ref}]} and {@code $ref} to the schema they name; null when it is unknown. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; s != null && depth < 8; depth++) {
            JsonNode allOf = s.get("allOf");
            if (allOf != null && allOf.size() == 1 && s.get("properties") == null) {
                s = allOf.get(0);
                continue;
            }
            JsonNode ref = s.get("$ref");
            if (ref == null) {
                return s;
            }
            s = schemas.get(SchemaRefs.refName(s));
        }
        return s;
    }
}
