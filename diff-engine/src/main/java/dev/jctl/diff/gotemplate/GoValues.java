package dev.jctl.diff.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.GoStrings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go values as text/template reaches them through reflect, in Java: {@code null} is the invalid (zero)
 * {@code reflect.Value}; {@link Iface} an interface-typed value (an element of a map or slice, possibly nil);
 * {@link Int} the integer types, {@link Double} float64, {@link String}, {@link Boolean}, {@link Complex}
 * complex128, a {@link Map} with String keys {@code map[string]interface {}} and a {@link List}
 * {@code []interface {}}, whose elements are stored bare (a Java null is a nil interface).
 */
public final class GoValues {
    /** Go orders strings by their UTF-8 bytes, which is code point order. */
    static final Comparator<String> GO_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static final double TWO_TO_63 = 9.223372036854775808e18;

    private GoValues() {
    }

    /** A value of kind Interface and static type {@code interface {}}; {@code value} null is a nil interface. */
    record Iface(Object value) {
    }

    /** A Go integer of one of the types templates meet. */
    record Int(long value, IntType type) {
        static Int of(long value) {
            return new Int(value, IntType.INT);
        }

        boolean signed() {
            return type != IntType.UINT8;
        }
    }

    enum IntType {
        INT("int"), INT64("int64"), UINT8("uint8");

        final String goName;

        IntType(String goName) {
            this.goName = goName;
        }
    }

    /** complex128. */
    record Complex(double real, double imaginary) {
    }

    enum Kind { INVALID, BOOL, INT, UINT, FLOAT, COMPLEX, STRING, MAP, SLICE, INTERFACE }

    /**
     * The value the template of {@code kubectl -o go-template} sees for a JSON document: kubectl decodes the
     * server's JSON into an unstructured object (integers as int64, other numbers as float64), marshals it again
     * and decodes that into a {@code map[string]interface{}} the same way, so a float with an integral value
     * below 2^63 arrives as int64 ({@code 1.0} is written {@code 1}).
     */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>(GO_ORDER);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), fromJson(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(fromJson(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger integer = node.bigIntegerValue();
            return integer.bitLength() < 64 ? new Int(integer.longValue(), IntType.INT64) : number(integer.doubleValue());
        }
        if (node.isNumber()) {
            return number(node.doubleValue());
        }
        return node.asText();
    }

    private static Object number(double value) {
        if (value == Math.rint(value) && value >= -TWO_TO_63 && value < TWO_TO_63) {
            return new Int((long) value, IntType.INT64);
        }
        return value;
    }

    static Kind kind(Object value) {
        if (value == null) {
            return Kind.INVALID;
        }
        if (value instanceof Iface) {
            return Kind.INTERFACE;
        }
        if (value instanceof Int i) {
            return i.signed() ? Kind.INT : Kind.UINT;
        }
        if (value instanceof Double) {
            return Kind.FLOAT;
        }
        if (value instanceof String) {
            return Kind.STRING;
        }
        if (value instanceof Boolean) {
            return Kind.BOOL;
        }
        if (value instanceof Map) {
            return Kind.MAP;
        }
        if (value instanceof List) {
            return Kind.SLICE;
        }
        if (value instanceof Complex) {
            return Kind.COMPLEX;
        }
        throw new IllegalArgumentException("not a Go value: " + value.getClass());
    }

    /** reflect's {@code Type.String()}. */
    static String typeName(Object value) {
        return switch (kind(value)) {
            case INVALID -> "<nil>";
            case INTERFACE -> "interface {}";
            case INT, UINT -> ((Int) value).type().goName;
            case FLOAT -> "float64";
            case STRING -> "string";
            case BOOL -> "bool";
            case MAP -> "map[string]interface {}";
            case SLICE -> "[]interface {}";
            case COMPLEX -> "complex128";
        };
    }

    /** {@code indirectInterface}: the value inside an interface, or the value itself. */
    static Object concrete(Object value) {
        return value instanceof Iface iface ? iface.value() : value;
    }

    /** The length of a string (in bytes), map or slice. */
    static int length(Object value) {
        if (value instanceof String s) {
            return GoStrings.utf8Length(s);
        }
        return value instanceof Map<?, ?> map ? map.size() : ((List<?>) value).size();
    }
}
