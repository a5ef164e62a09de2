package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Go type kube-apiserver decodes a part of a request into, as far as decoding errors show it: its kind, and its
 * name as Go's reflect prints it ({@code int32}, {@code v1.Protocol}, {@code []v1.Container},
 * {@code map[string]string}). Pointers are left out: the decoder allocates through them and names the pointee.
 */
final class GoType {
    enum Kind {
        INT, UINT, FLOAT, BOOL, STRING, BYTES, STRUCT, SLICE, MAP,
        /** Types with their own UnmarshalJSON, whose errors carry no field context. */
        INT_OR_STRING, QUANTITY, TIME,
        /** Anything goes: RawExtension, FieldsV1, schemas left open or preserving unknown fields. */
        OPAQUE
    }

    static final GoType UINT8 = new GoType(Kind.UINT, "uint8", null, null, null, null);
    static final GoType OPAQUE_TYPE = new GoType(Kind.OPAQUE, "", null, null, null, null);

    private final Kind kind;
    private final String name;
    /** The resolved schema of a struct, slice or map. */
    private final JsonNode schema;
    /** The component schema of a struct: where its fields' Go type names are looked up. */
    private final String schemaName;
    /** The Go name of a slice's or map's elements when it is not the one their schema implies. */
    private final String elementName;
    private final GoTypes types;

    GoType(Kind kind, String name, JsonNode schema, String schemaName, String elementName, GoTypes types) {
        this.kind = kind;
        this.name = name;
        this.schema = schema;
        this.schemaName = schemaName;
        this.elementName = elementName;
        this.types = types;
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    /** A struct's name without its package, as the decoder's error context names it ({@code DeploymentSpec}). */
    String structName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The type of a struct's field {@code key}; null when the struct has no such field. */
    GoType field(String key) {
        JsonNode field = SchemaNodes.fieldSchema(schema, key);
        return field == null ? null : types.of(field, types.fieldName(schemaName, key));
    }

    /** The type of a slice's items or a map's values. */
    GoType element() {
        if (kind == Kind.BYTES) {
            return UINT8;
        }
        return types.of(kind == Kind.SLICE ? schema.get("items") : schema.get("additionalProperties"), elementName);
    }
}
