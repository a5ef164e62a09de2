package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import java.util.ArrayList;
import java.util.List;

/**
 * Patch metadata from an OpenAPI v3 document, as apimachinery's {@code PatchMetaFromOpenAPIV3} reads it: a
 * field is found among {@code properties}, its extensions give the metadata, then {@code items} (for lists), the
 * first {@code allOf} entry and a {@code $ref} into {@code components.schemas} lead to the schema to continue with.
 */
final class OpenApiV3PatchMeta implements PatchMeta {
    private static final String REF_PREFIX = "#/components/schemas/";

    private final JsonNode schemas;
    private final JsonNode schema;
    private final boolean listTypes;

    private OpenApiV3PatchMeta(JsonNode schemas, JsonNode schema, boolean listTypes) {
        this.schemas = schemas;
        this.schema = schema;
        this.listTypes = listTypes;
    }

    static PatchMeta of(JsonNode document, String schemaName, boolean listTypes) {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode root = schemas.get(schemaName);
        if (root == null) {
            throw new PatchException("unable to resolve " + REF_PREFIX + schemaName + " in OpenAPI V3");
        }
        return new OpenApiV3PatchMeta(schemas, root, listTypes);
    }

    private JsonNode traverse(String key) {
        JsonNode properties = schema.get("properties");
        JsonNode field = properties == null ? null : properties.get(key);
        if (field == null) {
            throw new PatchException("unable to find api field \"" + key + "\"");
        }
        return field;
    }

    @Override
    public Field lookupStruct(String key) {
        JsonNode field = traverse(key);
        PatchExtensions ext = PatchExtensions.of(field, listTypes);
        return new Field(resolve(field), ext.strategies(), ext.mergeKey());
    }

    @Override
    public Field lookupSlice(String key) {
        JsonNode field = traverse(key);
        PatchExtensions ext = PatchExtensions.of(field, listTypes);
        JsonNode items = field.get("items");
        return new Field(resolve(items != null ? items : field), ext.strategies(), ext.mergeKey());
    }

    private PatchMeta resolve(JsonNode s) {
        JsonNode target = s;
        JsonNode allOf = target.get("allOf");
        if (allOf != null && allOf.isArray() && allOf.size() > 0) {
            target = allOf.get(0);
        }
        JsonNode ref = target.get("$ref");
        if (ref != null && !ref.asText().isEmpty()) {
            String refText = ref.asText();
            String name = refText.startsWith(REF_PREFIX) ? refText.substring(REF_PREFIX.length()) : refText;
            JsonNode resolved = schemas.get(name);
            if (resolved == null) {
                throw new PatchException("unable to resolve " + refText + " in OpenAPI V3");
            }
            target = resolved;
        }
        return new OpenApiV3PatchMeta(schemas, target, listTypes);
    }

    @Override
    public String name() {
        JsonNode type = schema.get("type");
        if (type == null) {
            return "Struct";
        }
        if (type.isArray()) {
            List<String> parts = new ArrayList<>();
            type.forEach(t -> parts.add(t.asText()));
            return parts.isEmpty() ? "Struct" : String.join("", parts);
        }
        return type.asText();
    }
}
