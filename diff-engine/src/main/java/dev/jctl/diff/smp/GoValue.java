package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The value model the engine works on, matching what Go's {@code util/json} decodes into {@code interface{}}:
 * {@code Map<String,Object>} (map[string]interface{}), {@link GoSlice} ([]interface{}), {@code Long} (int64),
 * {@code Double} (float64), {@code String}, {@code Boolean}, and {@code null} (nil). Also the Go operations whose
 * exact behaviour the algorithm depends on: {@code reflect.TypeOf} identity, {@code ==}, {@code reflect.DeepEqual}
 * and {@code fmt.Sprintf("%v")}.
 */
final class GoValue {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The reflect.Type of a decoded JSON value; {@code null} stands for the nil type. */
    enum Type {
        MAP("map[string]interface {}"),
        SLICE("[]interface {}"),
        STRING("string"),
        INT64("int64"),
        FLOAT64("float64"),
        BOOL("bool");

        final String goName;

        Type(String goName) {
            this.goName = goName;
        }
    }

    private GoValue() {}

    static Type typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map) {
            return Type.MAP;
        }
        if (v instanceof GoSlice) {
            return Type.SLICE;
        }
        if (v instanceof String) {
            return Type.STRING;
        }
        if (v instanceof Long) {
            return Type.INT64;
        }
        if (v instanceof Double) {
            return Type.FLOAT64;
        }
        if (v instanceof Boolean) {
            return Type.BOOL;
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }

    /** {@code reflect.TypeOf(v).String()}, {@code <nil>} for nil. */
    static String typeName(Object v) {
        Type t = typeOf(v);
        return t == null ? "<nil>" : t.goName;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v) {
        return (Map<String, Object>) v;
    }

    /** Go's {@code ==} on two interface values holding JSON data (maps and slices compare by identity). */
    static boolean eq(Object a, Object b) {
        if (a instanceof Map || a instanceof GoSlice) {
            return a == b;
        }
        return Objects.equals(a, b);
    }

    static boolean deepEqual(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<String, Object> ma = asMap(a);
            Map<String, Object> mb = asMap(b);
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<String, Object> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !deepEqual(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof GoSlice && b instanceof GoSlice) {
            GoSlice sa = (GoSlice) a;
            GoSlice sb = (GoSlice) b;
            if (sa.len() != sb.len()) {
                return false;
            }
            for (int i = 0; i < sa.len(); i++) {
                if (!deepEqual(sa.get(i), sb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** {@code fmt.Sprintf("%v", v)}. Sort orders in patch.go compare these strings. */
    static String text(Object v) {
        StringBuilder sb = new StringBuilder();
        appendText(sb, v);
        return sb.toString();
    }

    private static void appendText(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("<nil>");
        } else if (v instanceof Double) {
            sb.append(formatFloat((Double) v));
        } else if (v instanceof Map) {
            sb.append("map[");
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<>(asMap(v)).entrySet()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(e.getKey()).append(':');
                appendText(sb, e.getValue());
            }
            sb.append(']');
        } else if (v instanceof GoSlice) {
            GoSlice s = (GoSlice) v;
            sb.append('[');
            for (int i = 0; i < s.len(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendText(sb, s.get(i));
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    /** {@code fmt.Sprintf("%s", v)}: strings as is, anything else in Go's {@code %!s(type=value)} form. */
    static String textS(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v == null) {
            return "%!s(<nil>)";
        }
        if (v instanceof Map || v instanceof GoSlice) {
            return text(v);
        }
        return "%!s(" + typeName(v) + "=" + text(v) + ")";
    }

    /** Go compares strings byte-wise in UTF-8, which is code point order. */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 or from 1e+06. */
    static String formatFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int decimalPoint = digits.length() - d.scale();
        int exp = decimalPoint - 1;
        StringBuilder sb = new StringBuilder();
        if (f < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= 6) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e < 10) {
                sb.append('0');
            }
            sb.append(e);
        } else if (decimalPoint <= 0) {
            sb.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint >= digits.length()) {
            sb.append(digits).append("0".repeat(decimalPoint - digits.length()));
        } else {
            sb.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        }
        return sb.toString();
    }

    /**
     * Decodes a JSON tree as Go's util/json does: integers that fit int64 stay int64, every other number is
     * float64. The result shares nothing with the input.
     */
    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                m.put(e.getKey(), fromJson(e.getValue()));
            }
            return m;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(fromJson(item));
            }
            return GoSlice.appended(items);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBinary()) {
            return node.asText();
        }
        throw new IllegalArgumentException("unsupported JSON node: " + node.getNodeType());
    }

    static JsonNode toJson(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Map) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<String, Object> e : asMap(v).entrySet()) {
                o.set(e.getKey(), toJson(e.getValue()));
            }
            return o;
        }
        if (v instanceof GoSlice) {
            GoSlice s = (GoSlice) v;
            ArrayNode a = NODES.arrayNode(s.len());
            for (int i = 0; i < s.len(); i++) {
                a.add(toJson(s.get(i)));
            }
            return a;
        }
        if (v instanceof Long) {
            long l = (Long) v;
            // Same node class a Jackson parser would produce, so results compare equal to parsed documents.
            return (l == (int) l) ? NODES.numberNode((int) l) : NODES.numberNode(l);
        }
        if (v instanceof Double) {
            return NODES.numberNode((Double) v);
        }
        if (v instanceof Boolean) {
            return NODES.booleanNode((Boolean) v);
        }
        return NODES.textNode((String) v);
    }

    /** Plain Java collections for YAML rendering of error messages. */
    static Object toPlain(Object v) {
        if (v instanceof Map) {
            Map<String, Object> m = new TreeMap<>();
            asMap(v).forEach((k, x) -> m.put(k, toPlain(x)));
            return m;
        }
        if (v instanceof GoSlice) {
            List<Object> l = new ArrayList<>();
            for (Object x : ((GoSlice) v).toList()) {
                l.add(toPlain(x));
            }
            return l;
        }
        return v;
    }
}
