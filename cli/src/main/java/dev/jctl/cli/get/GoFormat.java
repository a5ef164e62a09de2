package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How kubectl turns a value of a decoded object into text in its columns: Go's {@code fmt.Sprint} of the
 * unstructured value ({@code map[a:1 b:2]}, {@code [x y]}, {@code <nil>}, floats in {@code %v} form), and its
 * escaping of terminal control characters.
 */
public final class GoFormat {
    private GoFormat() {
    }

    public static String sprint(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "<nil>";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return floatValue(value.doubleValue());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(sprint(item)));
            return "[" + String.join(" ", items) + "]";
        }
        Map<String, String> sorted = new TreeMap<>();
        value.properties().forEach(e -> sorted.put(e.getKey(), sprint(e.getValue())));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(k + ":" + v));
        return "map[" + String.join(" ", pairs) + "]";
    }

    /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 and from 1e21 on. */
    static String floatValue(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        return exact.toPlainString();
    }

    /** cli-runtime's EscapeTerminal: ESC and CR shown, not interpreted by the terminal. */
    public static String escapeTerminal(String text) {
        return text.replace("\u001b", "^[").replace("\r", "\\r");
    }
}
