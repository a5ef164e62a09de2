package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Navigation of OpenAPI schemas for tests. */
final class OpenApiAssertions {
    private OpenApiAssertions() {
    }

    /** Every {@code $ref} under {@code node} that starts with {@code prefix}, as the names they point to. */
    static List<String> collectRefs(JsonNode node, String prefix) {
        List<String> refs = new ArrayList<>();
        collect(node, prefix, refs);
        return refs;
    }

    private static void collect(JsonNode node, String prefix, List<String> into) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            if (!ref.asText().startsWith(prefix)) {
                throw new AssertionError("reference " + ref + " does not start with " + prefix);
            }
            into.add(ref.asText().substring(prefix.length()));
        }
        node.forEach(child -> collect(child, prefix, into));
    }

    /** The property at {@code path} below schema {@code root}, following references and list items. */
    static JsonNode property(Map<String, ? extends JsonNode> schemas, String root, String... path) {
        JsonNode schema = schemas.get(root);
        JsonNode property = null;
        for (String field : path) {
            if (property != null) {
                JsonNode target = property.has("items") ? property.get("items") : property;
                schema = schemas.get(SchemaRefs.refName(target));
            }
            property = schema.path("properties").get(field);
            if (property == null) {
                throw new AssertionError("no property " + field + " in " + schema);
            }
        }
        return property;
    }
}
