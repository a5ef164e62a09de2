package dev.jctl.diff.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;

/** Small helpers the runners share: case names for reports, and the fixtures' rule that absent means empty. */
final class Cases {
    private Cases() {
    }

    /** {@code file#index "description" (goLine n)}: descriptions are not unique, so the index is always there. */
    static String name(Path file, int index, JsonNode testCase) {
        StringBuilder name = new StringBuilder(file.getFileName().toString()).append('#').append(index);
        String description = testCase.path("description").asText(testCase.path("comment").asText(""));
        if (!description.isEmpty()) {
            name.append(" \"").append(description).append('"');
        }
        if (testCase.has("goLine")) {
            name.append(" (goLine ").append(testCase.get("goLine").asText()).append(')');
        }
        return name.toString();
    }

    /** A document field of a case; absent (Go's nil) and null both mean the empty object. */
    static JsonNode objectOrEmpty(JsonNode testCase, String field) {
        JsonNode value = testCase.get(field);
        return value == null || value.isNull() ? JsonNodeFactory.instance.objectNode() : value;
    }
}
