package dev.jctl.diff.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * Equality of JSON values as JSON defines it: object members in any order, array items in order, numbers by
 * value ({@code 1}, {@code 1.0} and a 64-bit {@code 1} are equal). Jackson's own {@code equals} tells
 * {@code IntNode(1)} and {@code LongNode(1)} apart, which no patch format does.
 */
public final class JsonValues {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return compareNumbers(a, b);
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().compareTo(b.bigIntegerValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y);
        }
        return a.decimalValue().compareTo(b.decimalValue());
    }
}
