package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.Json;

/**
 * Who owns a set of fields: the manager name, the operation (Apply or Update), the API version it wrote with and
 * the subresource it wrote through. Appliers are one manager whatever version they apply with; updaters are one
 * per version - as upstream's manager identifiers are built.
 */
record Manager(String name, String operation, String apiVersion, String subresource) {
    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    /**
     * The identity managers are keyed by; stable across versions for appliers. The JSON of an object with these
     * fields in this order, written directly: it is computed several times on every write.
     */
    String id() {
        StringBuilder id = new StringBuilder(96);
        field(id.append('{'), "manager", name);
        field(id.append(','), "operation", operation);
        if (operation.equals(UPDATE)) {
            field(id.append(','), "apiVersion", apiVersion);
        }
        if (subresource != null && !subresource.isEmpty()) {
            field(id.append(','), "subresource", subresource);
        }
        return id.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            json.append("null");
            return;
        }
        JsonStringEncoder.getInstance().quoteAsString(value, json.append('"'));
        json.append('"');
    }

    static Manager fromEntry(JsonNode entry) {
        return new Manager(entry.path("manager").asText(), entry.path("operation").asText(),
                entry.path("apiVersion").asText(), Json.text(entry, "subresource"));
    }

    /** As upstream names a manager in conflict messages: {@code "kubectl" with subresource "scale" using apps/v1}. */
    String describe() {
        StringBuilder out = new StringBuilder(Json.MAPPER.getNodeFactory().textNode(name).toString());
        if (subresource != null && !subresource.isEmpty()) {
            out.append(" with subresource \"").append(subresource).append('"');
        }
        if (operation.equals(UPDATE)) {
            out.append(" using ").append(apiVersion);
        }
        return out.toString();
    }
}
