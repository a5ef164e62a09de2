package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Drops the fields a built-in kind's schema does not declare, as kube-apiserver's decoder does when it turns a
 * request into its Go type: with {@code fieldValidation=Ignore} or {@code Warn} an unknown field is accepted but
 * never stored. It looks where {@link FieldValidator} looks and nowhere else, so a field the validator would not
 * report (under {@code x-kubernetes-preserve-unknown-fields}, in open schemas) is kept.
 */
public final class UnknownFieldPruner {
    private final Map<String, ? extends JsonNode> schemas;
    private final JsonNode root;

    private UnknownFieldPruner(Map<String, ? extends JsonNode> schemas, JsonNode root) {
        this.schemas = schemas;
        this.root = root;
    }

    /** The pruner of a built-in kind, empty for kinds the catalog has no schema for. */
    public static Optional<UnknownFieldPruner> forKind(SchemaCatalog catalog, String group, String version,
                                                       String kind) {
        return catalog.schemaName(group, version, kind)
                .map(name -> new UnknownFieldPruner(catalog.schemas(), catalog.schema(name)));
    }

    /** Removes the undeclared fields of {@code object} in place. */
    public void prune(JsonNode object) {
        walk(object, root);
    }

    private void walk(JsonNode value, JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s == null || s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value instanceof ObjectNode obj) {
            JsonNode properties = s.get("properties");
            JsonNode additional = s.get("additionalProperties");
            boolean openAdditional = additional != null && additional.isObject();
            if (properties == null && !openAdditional) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode field = properties != null ? properties.get(entry.getKey()) : null;
                if (field == null && openAdditional) {
                    field = additional;
                }
                if (field == null) {
                    it.remove();
                } else {
                    walk(entry.getValue(), field);
                }
            }
        } else if (value instanceof ArrayNode arr) {
            JsonNode items = s.get("items");
            if (items != null) {
                arr.forEach(item -> walk(item, items));
            }
        }
    }

    /** Follows {@code allOf: [{$ref}]} and {@code $ref} as {@link FieldValidator} does. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; s != null && depth < 8; depth++) {
            JsonNode allOf = s.get("allOf");
            if (allOf != null && allOf.size() == 1 && s.get("properties") == null) {
                s = allOf.get(0);
                continue;
            }
            if (s.get("$ref") == null) {
                return s;
            }
            s = schemas.get(SchemaRefs.refName(s));
        }
        return s;
    }
}
