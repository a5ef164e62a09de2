package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Go types of built-in kinds, read from their OpenAPI schemas: integers by format, {@code $ref}s by the
 * component name ({@code io.k8s.api.apps.v1.DeploymentSpec} is {@code v1.DeploymentSpec} of package {@code v1}),
 * arrays and maps by their items. Where the schema does not name the Go type - named string types such as
 * {@code v1.Protocol}, {@code types.UID}, {@code v1.ResourceList}, byte slices, {@code metav1.Time} values -
 * {@value #RESOURCE} does: the Go type of those fields in k8s.io/api and apimachinery v0.32 (the types of
 * Kubernetes 1.32), keyed by component schema and JSON field name.
 */
final class GoTypes {
    static final String RESOURCE = "go-types.json";

    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final String TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    private static final String MICRO_TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";

    private final SchemaCatalog catalog;
    private final SchemaNodes nodes;
    private final JsonNode names;

    GoTypes(SchemaCatalog catalog, JsonNode names) {
        this.catalog = catalog;
        this.nodes = new SchemaNodes(catalog.schemas());
        this.names = names;
    }

    private static final class Builtin {
        static final GoTypes INSTANCE = new GoTypes(SchemaCatalog.builtin(), load());

        private static JsonNode load() {
            try (InputStream in = GoTypes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return Json.MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static GoTypes builtin() {
        return Builtin.INSTANCE;
    }

    /** The Go type of a built-in kind, empty for kinds without a schema. */
    Optional<GoType> kind(String group, String version, String kind) {
        return catalog.schemaName(group, version, kind).map(name -> of(SchemaRefs.ref(name), null));
    }

    /** The Go name of field {@code key} of the struct {@code schemaName} when its schema does not tell it. */
    String fieldName(String schemaName, String key) {
        JsonNode name = names.path(schemaName).get(key);
        return name == null ? null : name.asText();
    }

    /** The type of a value of {@code schema}; {@code goName}, when known, names it. */
    GoType of(JsonNode schema, String goName) {
        if (goName != null) {
            switch (goName) {
                case "[]uint8" -> {
                    return new GoType(GoType.Kind.BYTES, goName, null, null, null, this);
                }
                case "v1.Time", "v1.MicroTime" -> {
                    return new GoType(GoType.Kind.TIME, goName, null, null, null, this);
                }
                case "runtime.RawExtension" -> {
                    return GoType.OPAQUE_TYPE;
                }
                default -> {
                }
            }
        }
        String ref = nodes.typeName(schema);
        if (INT_OR_STRING.equals(ref)) {
            return new GoType(GoType.Kind.INT_OR_STRING, "intstr.IntOrString", null, null, null, this);
        }
        if (QUANTITY.equals(ref)) {
            return new GoType(GoType.Kind.QUANTITY, "resource.Quantity", null, null, null, this);
        }
        if (TIME.equals(ref) || MICRO_TIME.equals(ref)) {
            return new GoType(GoType.Kind.TIME, goName(ref), null, null, null, this);
        }
        JsonNode s = nodes.checked(schema);
        if (s == null) {
            return GoType.OPAQUE_TYPE;
        }
        switch (s.path("type").asText()) {
            case "integer" -> {
                return new GoType(GoType.Kind.INT, s.path("format").asText("int64"), null, null, null, this);
            }
            case "number" -> {
                return new GoType(GoType.Kind.FLOAT, "float64", null, null, null, this);
            }
            case "boolean" -> {
                return new GoType(GoType.Kind.BOOL, "bool", null, null, null, this);
            }
            case "string" -> {
                return "byte".equals(s.path("format").asText())
                        ? new GoType(GoType.Kind.BYTES, "[]uint8", null, null, null, this)
                        : new GoType(GoType.Kind.STRING, goName != null ? goName : "string", null, null, null, this);
            }
            case "array" -> {
                String element = goName != null && goName.startsWith("[]") ? goName.substring(2) : null;
                GoType items = of(s.get("items"), element);
                return new GoType(GoType.Kind.SLICE, goName != null ? goName : "[]" + items.name(), s, null, element,
                        this);
            }
            case "object" -> {
                if (s.get("properties") != null && ref != null) {
                    return new GoType(GoType.Kind.STRUCT, goName != null ? goName : goName(ref), s, ref, null, this);
                }
                if (s.get("additionalProperties") != null && s.get("additionalProperties").isObject()) {
                    String element = goName != null && goName.startsWith("map[")
                            ? goName.substring(goName.indexOf(']') + 1) : null;
                    GoType values = of(s.get("additionalProperties"), element);
                    return new GoType(GoType.Kind.MAP, goName != null ? goName : "map[string]" + values.name(), s,
                            null, element, this);
                }
                return GoType.OPAQUE_TYPE;
            }
            default -> {
                return GoType.OPAQUE_TYPE;
            }
        }
    }

    /** {@code io.k8s.api.apps.v1.DeploymentSpec} → {@code v1.DeploymentSpec}: package name and type name. */
    private static String goName(String schemaName) {
        int last = schemaName.lastIndexOf('.');
        int previous = schemaName.lastIndexOf('.', last - 1);
        return schemaName.substring(previous + 1);
    }
}
