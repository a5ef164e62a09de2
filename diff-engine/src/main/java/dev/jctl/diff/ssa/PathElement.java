package dev.jctl.diff.ssa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a {@link FieldPath}, as structured-merge-diff names them: a map field ({@code f:name}), an
 * associative list item by its key fields ({@code k:{"name":"x"}}), a set item by value ({@code v:"x"}) or, for
 * lists whose items have no identity, a position ({@code i:0}). Ordered like upstream: fields, then keys, then
 * values, then indexes, so FieldsV1 documents come out in the order kube-apiserver writes them.
 */
public record PathElement(Type type, String field, Map<String, JsonNode> key, JsonNode value, int index)
        implements Comparable<PathElement> {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Type { FIELD, KEY, VALUE, INDEX }

    public PathElement {
        // sorted once: comparisons and FieldsV1 keys walk the key fields in name order, many times per write
        key = key == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(key));
    }

    public static PathElement field(String name) {
        return new PathElement(Type.FIELD, name, null, null, -1);
    }

    /** An associative list item; the key fields are kept sorted by name as upstream serialises them. */
    public static PathElement key(Map<String, JsonNode> fields) {
        return new PathElement(Type.KEY, null, fields, null, -1);
    }

    public static PathElement value(JsonNode value) {
        return new PathElement(Type.VALUE, null, null, value, -1);
    }

    public static PathElement index(int index) {
        return new PathElement(Type.INDEX, null, null, null, index);
    }

    /** The FieldsV1 object key: {@code f:replicas}, {@code k:{"name":"nginx"}}, {@code v:"a"}, {@code i:0}. */
    public String toFieldsV1() {
        return switch (type) {
            case FIELD -> "f:" + field;
            case KEY -> {
                ObjectNode object = JSON.createObjectNode();
                key.forEach(object::set);
                yield "k:" + json(object);
            }
            case VALUE -> "v:" + json(value);
            case INDEX -> "i:" + index;
        };
    }

    public static PathElement parseFieldsV1(String text) {
        if (text.length() < 2 || text.charAt(1) != ':') {
            throw new IllegalArgumentException("not a FieldsV1 path element: " + text);
        }
        String rest = text.substring(2);
        return switch (text.charAt(0)) {
            case 'f' -> field(rest);
            case 'k' -> {
                JsonNode object = parse(rest);
                if (!object.isObject()) {
                    throw new IllegalArgumentException("a key path element needs an object: " + text);
                }
                Map<String, JsonNode> fields = new TreeMap<>();
                object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
                yield key(fields);
            }
            case 'v' -> value(parse(rest));
            case 'i' -> index(Integer.parseInt(rest));
            default -> throw new IllegalArgumentException("not a FieldsV1 path element: " + text);
        };
    }

    /** As upstream prints paths in conflict messages: {@code .spec}, {@code [name="x"]}, {@code [="a"]}, {@code [0]}. */
    @Override
    public String toString() {
        return switch (type) {
            case FIELD -> "." + field;
            case KEY -> {
                StringBuilder out = new StringBuilder("[");
                key.forEach((name, v) -> out.append(out.length() > 1 ? "," : "").append(name).append('=')
                        .append(json(v)));
                yield out.append(']').toString();
            }
            case VALUE -> "[=" + json(value) + "]";
            case INDEX -> "[" + index + "]";
        };
    }

    @Override
    public int compareTo(PathElement other) {
        if (type != other.type) {
            return type.compareTo(other.type);
        }
        return switch (type) {
            case FIELD -> field.compareTo(other.field);
            case KEY -> compareKeys(key, other.key);
            case VALUE -> compareValues(value, other.value);
            case INDEX -> Integer.compare(index, other.index);
        };
    }

    private static int compareKeys(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        Iterator<Map.Entry<String, JsonNode>> i = a.entrySet().iterator();
        Iterator<Map.Entry<String, JsonNode>> j = b.entrySet().iterator();
        while (i.hasNext() && j.hasNext()) {
            Map.Entry<String, JsonNode> x = i.next();
            Map.Entry<String, JsonNode> y = j.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = compareValues(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    /** Numbers by value, strings lexically, booleans false first; across kinds by a fixed rank. */
    static int compareValues(JsonNode a, JsonNode b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (a.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isTextual()) {
            return a.textValue().compareTo(b.textValue());
        }
        if (a.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        return json(a).compareTo(json(b));
    }

    private static int rank(JsonNode node) {
        if (node.isNull()) {
            return 0;
        }
        if (node.isNumber()) {
            return 1;
        }
        if (node.isTextual()) {
            return 2;
        }
        if (node.isBoolean()) {
            return 3;
        }
        return 4;
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed FieldsV1 path element value: " + text, e);
        }
    }
}
