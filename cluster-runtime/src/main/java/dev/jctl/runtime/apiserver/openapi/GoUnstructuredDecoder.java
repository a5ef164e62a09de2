package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.JsonWriter;

import java.util.Iterator;
import java.util.Map;

/**
 * The errors of apimachinery's unstructured converter (runtime.DefaultUnstructuredConverter.FromUnstructured,
 * v0.32) turning a JSON tree - a strategic-merge-patched object, a server-side-applied one - into a Go type: the
 * first mismatch ends the conversion ({@code unrecognized type: int32}, {@code cannot convert float64 to int32},
 * {@code cannot restore slice from map}). Integers are int64 and other numbers float64, as kube's JSON decoding
 * leaves them; types with their own UnmarshalJSON are handed the value re-encoded as JSON, as the converter does.
 *
 * <p>The converter visits a struct's fields in Go declaration order and a map's entries in Go's random map order;
 * neither is known here, so with several mistyped fields the one reported follows the tree's order and may differ
 * from kube-apiserver's.
 */
final class GoUnstructuredDecoder {
    private GoUnstructuredDecoder() {
    }

    /** The error converting {@code value} into {@code type}, or null when it converts. */
    static String firstError(JsonNode value, GoType type) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return switch (type.kind()) {
            case OPAQUE -> null;
            case INT_OR_STRING, QUANTITY, TIME ->
                    GoJsonDecoder.firstError(RequestTree.ofJson(JsonWriter.marshal(value).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)), type);
            case STRING -> value.isTextual() ? null
                    : value.isIntegralNumber() && fitsLong(value) ? "cannot convert int64 to " + type.name()
                    : "unrecognized type: string";
            case INT, UINT -> {
                if (value.isNumber() && (fitsLong(value) || integral(value))) {
                    yield null;
                }
                yield value.isNumber() ? "cannot convert float64 to " + type.name()
                        : "unrecognized type: " + type.name();
            }
            case FLOAT -> value.isNumber() ? null : "unrecognized type: float64";
            case BOOL -> value.isBoolean() ? null : "unrecognized type: bool";
            case BYTES -> {
                if (value.isTextual()) {
                    int corrupt = value.asText().isEmpty() ? -1 : GoBase64.corruptAt(value.asText());
                    yield corrupt < 0 ? null : "error decoding from json: illegal base64 data at input byte " + corrupt;
                }
                yield value.isArray() ? items(value, type) : "cannot restore slice from " + kind(value);
            }
            case SLICE -> value.isArray() ? items(value, type) : "cannot restore slice from " + kind(value);
            case MAP -> value.isObject() ? items(value, type) : "cannot restore map from " + kind(value);
            case STRUCT -> value.isObject() ? fields(value, type) : "cannot restore struct from: " + kind(value);
        };
    }

    private static String items(JsonNode container, GoType type) {
        GoType element = type.element();
        for (JsonNode item : container) {
            String error = firstError(item, element);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static String fields(JsonNode object, GoType type) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            GoType field = type.field(entry.getKey());
            String error = field == null ? null : firstError(entry.getValue(), field);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** reflect.Kind of the decoded JSON value: what "cannot restore ... from" names. */
    private static String kind(JsonNode value) {
        if (value.isObject()) {
            return "map";
        }
        if (value.isArray()) {
            return "slice";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return fitsLong(value) ? "int64" : "float64";
    }

    /** JSON integers that fit an int64 decode as int64, every other number as float64. */
    private static boolean fitsLong(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }

    private static boolean integral(JsonNode value) {
        double d = value.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d);
    }
}
