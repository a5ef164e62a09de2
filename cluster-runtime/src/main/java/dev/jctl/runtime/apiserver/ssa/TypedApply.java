package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.GoStrings;
import dev.jctl.diff.ssa.PathElement;
import dev.jctl.diff.ssa.Schema;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.openapi.GoDecoding;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.validation.GoValues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The type checks an apply of a built-in kind meets in kube-apiserver 1.32's field manager, both plain errors
 * (500, no reason): the applied configuration made a structured-merge-diff typed value
 * ({@code failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicas: expected
 * numeric (int or float), got string}), then the merged object converted to the Go type
 * ({@code failed to convert new object (...) to proper version: unable to convert unstructured object to apps/v1,
 * Kind=Deployment: cannot convert float64 to int32}). Fields the schema does not declare, which upstream also
 * reports here ({@code field not declared in schema}), are left to field validation. Several errors are listed in
 * the tree's order; structured-merge-diff visits a map's entries in Go's random map order.
 */
final class TypedApply {
    private TypedApply() {
    }

    /** Fails the apply when {@code config} does not fit the kind's schema. */
    static void checkConfiguration(KindInfo kind, JsonNode config, Schema schema) {
        if (!(schema instanceof CatalogSchema root) || kind.custom() != null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        validate(config, root, "", errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0) : "errors:\n  " + String.join("\n  ", errors);
            throw ApiException.unknown("failed to create typed patch object (" + names(kind, config) + "): "
                    + detail);
        }
    }

    /** Fails the apply when the merged object does not convert to the kind's Go type. */
    static void checkMerged(KindInfo kind, JsonNode config, JsonNode merged) {
        if (kind.custom() != null) {
            return;
        }
        GoDecoding.forKind(kind.group(), kind.version(), kind.kind())
                .flatMap(d -> d.convertError(merged))
                .ifPresent(error -> {
                    throw ApiException.unknown("failed to convert new object (" + names(kind, config)
                            + ") to proper version: unable to convert unstructured object to " + gvk(kind) + ": "
                            + error);
                });
    }

    /** objectGVKNN of the applied object: {@code namespace/name; group/version, Kind=Kind}. */
    private static String names(KindInfo kind, JsonNode config) {
        JsonNode meta = config.path("metadata");
        return meta.path("namespace").asText("") + "/" + meta.path("name").asText("") + "; " + gvk(kind);
    }

    private static String gvk(KindInfo kind) {
        return kind.group() + "/" + kind.version() + ", Kind=" + kind.kind();
    }

    private static void validate(JsonNode value, CatalogSchema schema, String path, List<String> errors) {
        if (value == null || value.isNull()) {
            return;
        }
        String shape = schema.shape();
        if (shape == null) {
            return;
        }
        String problem = switch (shape) {
            case "numeric" -> value.isNumber() ? null : "expected numeric (int or float), got " + goTypeOf(value);
            case "string" -> value.isTextual() ? null
                    : "expected string, got &value.valueUnstructured{Value:" + goSharpV(value) + "}";
            case "boolean" -> value.isBoolean() ? null : "expected boolean, got &{" + GoValues.plusV(value) + "}";
            case "untyped" -> value.isContainerNode() ? "expected any scalar, got &{" + GoValues.plusV(value) + "}"
                    : null;
            case "map" -> value.isObject() ? null : "expected map, got &{" + GoValues.plusV(value) + "}";
            default -> value.isArray() ? null : "expected list, got &{" + GoValues.plusV(value) + "}";
        };
        if (problem != null) {
            errors.add(path + ": " + problem);
        } else if (shape.equals("map")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (schema.field(entry.getKey()) instanceof CatalogSchema field) {
                    validate(entry.getValue(), field, path + PathElement.field(entry.getKey()), errors);
                }
            }
        } else if (shape.equals("array") && schema.items() instanceof CatalogSchema items) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), items, path + element(schema, value.get(i), i), errors);
            }
        }
    }

    /** How structured-merge-diff names a list item: by its keys, by its value in a set, else by its index. */
    private static PathElement element(CatalogSchema list, JsonNode item, int index) {
        return switch (list.listType()) {
            case MAP -> {
                Map<String, JsonNode> key = new TreeMap<>();
                list.listKeys().forEach(k -> {
                    if (item.has(k)) {
                        key.put(k, item.get(k));
                    }
                });
                yield key.isEmpty() ? PathElement.index(index) : PathElement.key(key);
            }
            case SET -> PathElement.value(item);
            default -> PathElement.index(index);
        };
    }

    /** Go's %T of the value as JSON decoding leaves it in an interface{}. */
    private static String goTypeOf(JsonNode value) {
        if (value.isObject()) {
            return "map[string]interface {}";
        }
        if (value.isArray()) {
            return "[]interface {}";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isIntegralNumber() && value.canConvertToLong() ? "int64" : "float64";
    }

    /** Go's %#v of such a value. */
    private static String goSharpV(JsonNode value) {
        if (value.isTextual()) {
            return GoStrings.quote(value.asText());
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            value.fieldNames().forEachRemaining(k -> entries.add(k));
            entries.sort(null);
            List<String> parts = new ArrayList<>();
            entries.forEach(k -> parts.add(GoStrings.quote(k) + ":" + goSharpV(value.get(k))));
            return "map[string]interface {}{" + String.join(", ", parts) + "}";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(goSharpV(item)));
            return "[]interface {}{" + String.join(", ", parts) + "}";
        }
        return GoValues.plusV(value);
    }
}
