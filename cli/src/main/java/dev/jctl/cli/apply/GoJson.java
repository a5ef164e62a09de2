package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jctl.diff.io.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON exactly as Go's {@code json.Marshal} writes a {@code map[string]interface{}}, which is the text
 * kubectl stores in the last-applied-configuration annotation: keys sorted by code point, no spaces, {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 escaped, floats in Go's shortest form.
 */
final class GoJson {
    private static final JsonWriter SCALARS = JsonWriter.kubectl();

    private GoJson() {
    }

    static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                scalar(out, TextNode.valueOf(entries.get(i).getKey()));
                out.append(':');
                write(out, entries.get(i).getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, node.get(i));
            }
            out.append(']');
        } else {
            scalar(out, node);
        }
    }

    /** Strings and numbers as the kubectl JSON printer writes them (the same encoder, one value at a time). */
    private static void scalar(StringBuilder out, JsonNode node) {
        String text = SCALARS.write(node);
        out.append(text, 0, text.length() - 1);
    }

    private static int compareCodePoints(String a, String b) {
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
    }
}
