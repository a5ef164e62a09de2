package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.GoStrings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values printed the way Go's fmt prints them in kube-apiserver's error messages ({@code Invalid value: ...}),
 * because kubectl users and scripts read those messages verbatim.
 */
public final class GoValues {
    private GoValues() {
    }

    /** strconv.Quote: a double-quoted Go string literal. */
    public static String quote(String s) {
        return GoStrings.quote(s);
    }

    /** {@code %+v} of JSON decoded into {@code map[string]interface{}} with integers kept as int64. */
    public static String plusV(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "<nil>";
        }
        if (value.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            value.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            List<String> entries = new ArrayList<>();
            sorted.forEach((k, v) -> entries.add(k + ":" + plusV(v)));
            return "map[" + String.join(" ", entries) + "]";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(plusV(v)));
            return "[" + String.join(" ", items) + "]";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return goFloat(value.doubleValue());
        }
        return value.asText();
    }

    /** {@code %#v} of a {@code *metav1.LabelSelector}, as ValidateImmutableField prints a selector. */
    public static String labelSelector(JsonNode selector) {
        if (selector == null || selector.isNull() || selector.isMissingNode()) {
            return "null";
        }
        JsonNode expressions = selector.get("matchExpressions");
        String exprs;
        if (expressions == null || expressions.isNull()) {
            exprs = "[]v1.LabelSelectorRequirement(nil)";
        } else {
            List<String> items = new ArrayList<>();
            for (JsonNode e : expressions) {
                items.add("v1.LabelSelectorRequirement{Key:" + quote(e.path("key").asText()) + ", Operator:"
                        + quote(e.path("operator").asText()) + ", Values:" + stringSlice(e.get("values")) + "}");
            }
            exprs = "[]v1.LabelSelectorRequirement{" + String.join(", ", items) + "}";
        }
        return "v1.LabelSelector{MatchLabels:" + stringMap(selector.get("matchLabels")) + ", MatchExpressions:"
                + exprs + "}";
    }

    /** {@code %#v} of a {@code map[string]string}: keys sorted, as fmt sorts them. */
    public static String stringMap(JsonNode map) {
        if (map == null || map.isNull() || !map.isObject()) {
            return "map[string]string(nil)";
        }
        Map<String, String> sorted = new TreeMap<>();
        map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        List<String> entries = new ArrayList<>();
        sorted.forEach((k, v) -> entries.add(quote(k) + ":" + quote(v)));
        return "map[string]string{" + String.join(", ", entries) + "}";
    }

    /** {@code %#v} of a {@code []string}. */
    public static String stringSlice(JsonNode list) {
        if (list == null || list.isNull() || !list.isArray()) {
            return "[]string(nil)";
        }
        List<String> items = new ArrayList<>();
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            items.add(quote(it.next().asText()));
        }
        return "[]string{" + String.join(", ", items) + "}";
    }

    /**
     * A float64 as %v prints it: the shortest digits, in exponent form below 1e-4 and from 1e6 on (fmt decides
     * with precision 6 when the precision is the shortest).
     */
    static String goFloat(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - exact.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + exact.abs().toPlainString();
    }
}
