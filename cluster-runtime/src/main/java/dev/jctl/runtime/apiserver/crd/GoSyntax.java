package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.validation.GoValues;

import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON value as Go's {@code %#v} prints the decoded {@code interface{}}, which is how field errors show a bad
 * value that is neither a string, a number nor a boolean: {@code map[string]interface {}{"a":int64(1)}}.
 */
final class GoSyntax {
    private GoSyntax() {
    }

    static String of(JsonNode value) {
        if (value.isTextual()) {
            return GoValues.quote(value.asText());
        }
        if (value.isIntegralNumber() || value.isBoolean() || value.isFloatingPointNumber()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        return nested(value);
    }

    private static String nested(JsonNode value) {
        StringBuilder out = new StringBuilder();
        if (value.isObject()) {
            out.append("map[string]interface {}{");
            Map<String, JsonNode> sorted = new TreeMap<>();
            value.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            String sep = "";
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                out.append(sep).append(GoValues.quote(e.getKey())).append(':').append(nested(e.getValue()));
                sep = ", ";
            }
            return out.append('}').toString();
        }
        if (value.isArray()) {
            out.append("[]interface {}{");
            String sep = "";
            for (JsonNode item : value) {
                out.append(sep).append(nested(item));
                sep = ", ";
            }
            return out.append('}').toString();
        }
        if (value.isTextual()) {
            return GoValues.quote(value.asText());
        }
        if (value.isIntegralNumber()) {
            return "int64(" + value.asText() + ")";
        }
        if (value.isFloatingPointNumber()) {
            return value.asText();
        }
        return value.isNull() ? "interface {}(nil)" : value.asText();
    }
}
