package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds OpenAPI v3 component schemas by reflection over the fabric8 model classes: every {@code @JsonProperty}
 * field becomes a property, typed from its Java type, and every referenced model class becomes a schema of its
 * own. The classes carry no descriptions, formats of time strings or required markers; time fields are recognised
 * by {@link TimeFields} and required fields come from {@link RequiredFields}.
 */
final class SchemaGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Schemas by name, sorted as kube-apiserver sorts them. */
    private final Map<String, ObjectNode> schemas = new TreeMap<>();

    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    /** Adds the schema of {@code type} and of every type it reaches; returns its name. */
    String add(Class<?> type) {
        String name = SchemaNames.of(type);
        if (schemas.containsKey(name)) {
            return name;
        }
        ObjectNode schema = NODES.objectNode();
        schemas.put(name, schema);
        if (!fillSpecial(type, schema)) {
            fillStruct(type, name, schema);
        }
        return name;
    }

    /** Types with a JSON form of their own (strings, numbers or anything), as apimachinery declares them. */
    private boolean fillSpecial(Class<?> type, ObjectNode schema) {
        if (type == Quantity.class) {
            schema.put("description", "A decimal amount with an optional SI or binary suffix, written as a "
                    + "string such as \"100m\", \"1.5Gi\" or \"2\".");
            oneOf(schema, "string", "number");
        } else if (type == IntOrString.class) {
            schema.put("description", "Either an int32 or a string (a port number or name, a count or a percentage).");
            oneOf(schema, "integer", "string");
            schema.put("format", "int-or-string");
            schema.put("x-kubernetes-int-or-string", true);
        } else if (type == MicroTime.class) {
            schema.put("description", "A point in time with microseconds, written as an RFC 3339 string in UTC.");
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (type == RawExtension.class) {
            schema.put("description", "An embedded object of any kind.");
            schema.put("type", "object");
        } else if (AnyType.class.isAssignableFrom(type) || hasCustomDeserializer(type)) {
            // Types like JSONSchemaPropsOrBool: their JSON shape varies, so upstream declares no type at all.
            return true;
        } else {
            return false;
        }
        return true;
    }

    /**
     * Scalars of two JSON types, written the way kube-openapi writes them in v3; having no {@code type} of their
     * own, kubectl explain shows them by name ({@code <IntOrString>}).
     */
    private static void oneOf(ObjectNode schema, String first, String second) {
        schema.putArray("oneOf").add(NODES.objectNode().put("type", first)).add(NODES.objectNode().put("type", second));
    }

    private static boolean hasCustomDeserializer(Class<?> type) {
        JsonDeserialize deserialize = type.getAnnotation(JsonDeserialize.class);
        return deserialize != null && deserialize.using() != JsonDeserializer.None.class;
    }

    private void fillStruct(Class<?> type, String name, ObjectNode schema) {
        Kind kind = type.getAnnotation(Kind.class);
        Version version = type.getAnnotation(Version.class);
        boolean object = HasMetadata.class.isAssignableFrom(type) || KubernetesResourceList.class.isAssignableFrom(type)
                || type == Status.class;
        if (version != null && object) {
            Group group = type.getAnnotation(Group.class);
            schema.putArray("x-kubernetes-group-version-kind").addObject()
                    .put("group", group == null ? "" : group.value())
                    .put("kind", kind == null ? type.getSimpleName() : kind.value())
                    .put("version", version.value());
        }
        schema.put("type", "object");
        Map<String, ObjectNode> properties = new TreeMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                JsonProperty json = field.getAnnotation(JsonProperty.class);
                if (json == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                String property = json.value().isEmpty() ? field.getName() : json.value();
                properties.putIfAbsent(property, property(field.getGenericType(), TimeFields.isTime(property)));
            }
        }
        if (!properties.isEmpty()) {
            ObjectNode props = schema.putObject("properties");
            properties.forEach(props::set);
        }
        List<String> required = RequiredFields.of(name).stream().filter(properties::containsKey).toList();
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            required.forEach(list::add);
        }
    }

    private ObjectNode property(Type type, boolean time) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", property(args[0], time));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", property(args[1], time));
                return map;
            }
            return property(raw, time);
        }
        if (!(type instanceof Class<?> c)) {
            // a wildcard or type variable: nothing is known about the value
            return NODES.objectNode();
        }
        if (c == String.class || c.isEnum()) {
            if (time) {
                addTime();
                return SchemaRefs.ref(SchemaNames.TIME);
            }
            return NODES.objectNode().put("type", "string");
        }
        if (c == Integer.class || c == int.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return NODES.objectNode().put("type", "number").put("format", "double");
        }
        if (c == Boolean.class || c == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(c)) {
            addTime();
            return SchemaRefs.ref(SchemaNames.TIME);
        }
        if (c == Duration.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (c == Object.class) {
            // fabric8's untyped payloads (ControllerRevision.data), a RawExtension upstream: any object
            return NODES.objectNode().put("type", "object");
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            // apiextensions' JSON: any JSON value, e.g. a schema default
            schemas.computeIfAbsent(SchemaNames.JSON, n -> NODES.objectNode().put("description",
                    "Any JSON value."));
            return SchemaRefs.ref(SchemaNames.JSON);
        }
        if (c.getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return SchemaRefs.ref(add(c));
        }
        throw new IllegalStateException("no OpenAPI type for " + c.getName());
    }

    private void addTime() {
        schemas.computeIfAbsent(SchemaNames.TIME, n -> NODES.objectNode()
                .put("description", "A point in time, written as an RFC 3339 string in UTC.")
                .put("type", "string").put("format", "date-time"));
    }
}
