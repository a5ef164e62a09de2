package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** References between schemas in the OpenAPI v3 form kube-apiserver uses. */
final class SchemaRefs {
    static final String V3_PREFIX = "#/components/schemas/";
    static final String V2_PREFIX = "#/definitions/";

    private SchemaRefs() {
    }

    /** A property of a named type; {@code allOf} lets a property add its own keywords next to the reference. */
    static ObjectNode ref(String name) {
        ObjectNode property = JsonNodeFactory.instance.objectNode();
        property.putArray("allOf").addObject().put("$ref", V3_PREFIX + name);
        return property;
    }

    /** The name a property refers to, or null when its type is inline. */
    static String refName(JsonNode property) {
        JsonNode ref = property.path("allOf").path(0).path("$ref");
        if (!ref.isTextual()) {
            ref = property.path("$ref");
        }
        return ref.isTextual() ? ref.asText().substring(ref.asText().lastIndexOf('/') + 1) : null;
    }
}
