package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Patch metadata from an OpenAPI v2 document, as apimachinery's {@code PatchMetaFromOpenAPI} reads it through
 * kube-openapi's {@code proto} model: definitions become kinds, maps, arrays, primitives, references or
 * arbitrary values, and lookups walk them with the same visitors (so a map or primitive where an object is
 * looked up is an error, and an untyped property accepts anything below it).
 */
final class OpenApiV2PatchMeta implements PatchMeta {
    private final Definitions definitions;
    private final Schema schema;

    private OpenApiV2PatchMeta(Definitions definitions, Schema schema) {
        this.definitions = definitions;
        this.schema = schema;
    }

    static PatchMeta of(JsonNode document, String definitionName, boolean listTypes) {
        Definitions definitions = new Definitions(document.path("definitions"), listTypes);
        return new OpenApiV2PatchMeta(definitions, definitions.model(definitionName));
    }

    private PatchMeta wrap(Schema s) {
        return s == null ? PatchMeta.UNTYPED : new OpenApiV2PatchMeta(definitions, s);
    }

    @Override
    public Field lookupStruct(String key) {
        Schema s = schema;
        while (true) {
            if (s instanceof Ref) {
                s = definitions.model(((Ref) s).reference);
            } else if (s instanceof Kind) {
                Schema field = ((Kind) s).field(key);
                return new Field(wrap(field), field.strategies, field.mergeKey);
            } else if (s instanceof Arbitrary) {
                return new Field(PatchMeta.UNTYPED, List.of(), "");
            } else {
                throw new PatchException("expected kind, but got " + s.visitorName());
            }
        }
    }

    @Override
    public Field lookupSlice(String key) {
        SliceVisit visit = new SliceVisit(key);
        visit.accept(schema);
        return new Field(wrap(visit.subschema), visit.strategies, visit.mergeKey);
    }

    @Override
    public String name() {
        return schema.name(definitions);
    }

    /** kube-openapi's sliceItem visitor: find the field in a kind, then step into its array (or reference). */
    private final class SliceVisit {
        private final String key;
        private boolean visitedKind;
        private Schema subschema;
        private List<String> strategies = List.of();
        private String mergeKey = "";

        SliceVisit(String key) {
            this.key = key;
        }

        void accept(Schema s) {
            if (s instanceof Ref) {
                Schema target = definitions.model(((Ref) s).reference);
                if (visitedKind) {
                    subschema = target;
                } else {
                    accept(target);
                }
            } else if (s instanceof Kind) {
                Schema field = ((Kind) s).field(key);
                strategies = field.strategies;
                mergeKey = field.mergeKey;
                visitedKind = true;
                accept(field);
            } else if (s instanceof Array) {
                if (!visitedKind) {
                    throw new PatchException("expected visit kind first, then visit array");
                }
                subschema = ((Array) s).items;
            } else if (!(s instanceof Arbitrary)) {
                throw new PatchException("expected slice, but got " + s.visitorName());
            }
        }
    }

    /** The parsed definitions, built lazily: a lookup only parses the types it walks through. */
    private static final class Definitions {
        private final JsonNode raw;
        private final boolean listTypes;
        private final Map<String, Schema> models = new ConcurrentHashMap<>();

        Definitions(JsonNode raw, boolean listTypes) {
            this.raw = raw;
            this.listTypes = listTypes;
        }

        Schema model(String name) {
            Schema s = models.get(name);
            if (s == null) {
                JsonNode node = raw.get(name);
                if (node == null || !node.isObject()) {
                    throw new PatchException("unknown model in reference: \"" + name + "\"");
                }
                s = parse(node, name);
                models.put(name, s);
            }
            return s;
        }

        /** kube-openapi's Definitions.ParseSchema. */
        Schema parse(JsonNode node, String path) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/definitions/")) {
                    throw new PatchException("SchemaError(" + path + "): unallowed reference to non-definition \""
                            + ref + "\"");
                }
                String reference = ref.substring("#/definitions/".length());
                if (!raw.has(reference)) {
                    throw new PatchException("SchemaError(" + path + "): unknown model in reference: \""
                            + reference + "\"");
                }
                return new Ref(node, path, listTypes, reference);
            }
            JsonNode type = node.get("type");
            String single = null;
            if (type != null && type.isArray()) {
                if (type.size() > 1) {
                    throw new PatchException("SchemaError(" + path + "): definitions with multiple types aren't supported");
                }
                single = type.size() == 1 ? type.get(0).asText() : null;
            } else if (type != null && type.isTextual()) {
                single = type.asText();
            }
            if (single == null) {
                return node.has("properties") ? kind(node, path) : new Arbitrary(node, path, listTypes);
            }
            switch (single) {
                case "object":
                    if (node.has("properties")) {
                        return kind(node, path);
                    }
                    JsonNode additional = node.get("additionalProperties");
                    Schema values = additional != null && additional.isObject()
                            ? parse(additional, path) : new Arbitrary(node, path, listTypes);
                    return new MapSchema(node, path, listTypes, values);
                case "array":
                    JsonNode items = node.get("items");
                    if (items == null || !items.isObject()) {
                        throw new PatchException("SchemaError(" + path + "): array should have exactly one sub-item");
                    }
                    return new Array(node, path, listTypes, parse(items, path));
                case "string":
                case "number":
                case "integer":
                case "boolean":
                    return new Primitive(node, path, listTypes, single);
                default:
                    throw new PatchException("SchemaError(" + path + "): Unknown primitive type: \"" + single + "\"");
            }
        }

        private Kind kind(JsonNode node, String path) {
            return new Kind(node, path, listTypes, this);
        }
    }

    private abstract static class Schema {
        final String path;
        final List<String> strategies;
        final String mergeKey;

        Schema(JsonNode node, String path, boolean listTypes) {
            this.path = path;
            PatchExtensions ext = PatchExtensions.of(node, listTypes);
            this.strategies = ext.strategies();
            this.mergeKey = ext.mergeKey();
        }

        /** The word kube-openapi's visitors use in "expected kind, but got ...". */
        abstract String visitorName();

        abstract String name(Definitions definitions);
    }

    private static final class Kind extends Schema {
        private final JsonNode properties;
        private final Definitions definitions;
        private final Map<String, Schema> fields = new ConcurrentHashMap<>();

        Kind(JsonNode node, String path, boolean listTypes, Definitions definitions) {
            super(node, path, listTypes);
            this.properties = node.path("properties");
            this.definitions = definitions;
        }

        Schema field(String key) {
            Schema f = fields.get(key);
            if (f == null) {
                JsonNode node = properties.get(key);
                if (node == null) {
                    throw new PatchException("unable to find api field \"" + key + "\" in " + path);
                }
                f = definitions.parse(node, path + "." + key);
                fields.put(key, f);
            }
            return f;
        }

        @Override
        String visitorName() {
            return "kind";
        }

        @Override
        String name(Definitions definitions) {
            return "Kind(" + new TreeSet<String>(iterableToList(properties.fieldNames())) + ")";
        }

        private static List<String> iterableToList(Iterator<String> it) {
            List<String> l = new ArrayList<>();
            it.forEachRemaining(l::add);
            return l;
        }
    }

    private static final class Ref extends Schema {
        final String reference;

        Ref(JsonNode node, String path, boolean listTypes, String reference) {
            super(node, path, listTypes);
            this.reference = reference;
        }

        @Override
        String visitorName() {
            return "reference";
        }

        @Override
        String name(Definitions definitions) {
            return "Reference to \"" + reference + "\"";
        }
    }

    private static final class Array extends Schema {
        final Schema items;

        Array(JsonNode node, String path, boolean listTypes, Schema items) {
            super(node, path, listTypes);
            this.items = items;
        }

        @Override
        String visitorName() {
            return "slice";
        }

        @Override
        String name(Definitions definitions) {
            return "Array of " + items.name(definitions);
        }
    }

    private static final class MapSchema extends Schema {
        final Schema values;

        MapSchema(JsonNode node, String path, boolean listTypes, Schema values) {
            super(node, path, listTypes);
            this.values = values;
        }

        @Override
        String visitorName() {
            return "map";
        }

        @Override
        String name(Definitions definitions) {
            return "Map of " + values.name(definitions);
        }
    }

    private static final class Primitive extends Schema {
        final String type;
        final String format;

        Primitive(JsonNode node, String path, boolean listTypes, String type) {
            super(node, path, listTypes);
            this.type = type;
            this.format = node.path("format").asText("");
        }

        @Override
        String visitorName() {
            return "primitive";
        }

        @Override
        String name(Definitions definitions) {
            return format.isEmpty() ? type : type + " (" + format + ")";
        }
    }

    private static final class Arbitrary extends Schema {
        Arbitrary(JsonNode node, String path, boolean listTypes) {
            super(node, path, listTypes);
        }

        @Override
        String visitorName() {
            return "arbitrary";
        }

        @Override
        String name(Definitions definitions) {
            return "Arbitrary value";
        }
    }
}
