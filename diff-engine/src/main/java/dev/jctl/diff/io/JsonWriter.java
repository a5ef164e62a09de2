package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Jackson tree → indented JSON as Go's encoding/json writes it, which is what kubectl prints: {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped as {@code \u003c}…, floats in Go's shortest form ({@code 1e-7},
 * {@code 100000000000000000000}), {@code {}} and {@code []} for empty collections.
 */
public final class JsonWriter {
    /** Go sorts map keys by their UTF-8 bytes, which is code point order. */
    private static final Comparator<String> GO_KEY_ORDER = (a, b) -> {
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

    private static final JsonWriter MARSHAL = new JsonWriter(null, true);
    private static final JsonWriter COMPACT = new JsonWriter(null, false);

    /** Null for compact output, as Go's json.Marshal writes it. */
    private final String indent;
    private final boolean sortKeys;

    private JsonWriter(String indent, boolean sortKeys) {
        this.indent = indent;
        this.sortKeys = sortKeys;
    }

    /** {@code kubectl -o json}: four spaces, sorted keys. */
    public static JsonWriter kubectl() {
        return new JsonWriter("    ", true);
    }

    /** Two spaces, keys as the tree holds them ({@code kubectl version -o json} prints a struct like that). */
    public static JsonWriter twoSpacesTreeOrder() {
        return new JsonWriter("  ", false);
    }

    /**
     * Compact JSON exactly as Go's {@code json.Marshal} writes a {@code map[string]interface{}}: sorted keys, no
     * white space. kubectl stores the last-applied-configuration annotation and sends its patches this way.
     */
    public static String marshal(JsonNode node) {
        StringBuilder out = new StringBuilder();
        MARSHAL.value(out, node, 0);
        return out.toString();
    }

    /**
     * Compact JSON with keys as the tree holds them: Go's json.Marshal of a document whose key order is already
     * decided, such as a struct's fields or raw messages kept as they came.
     */
    public static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        COMPACT.value(out, node, 0);
        return out.toString();
    }

    /** The document followed by a line break. */
    public String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        value(out, node, 0);
        return out.append('\n').toString();
    }

    private void value(StringBuilder out, JsonNode node, int depth) {
        if (node.isObject()) {
            object(out, node, depth);
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                separate(out, i, depth + 1);
                value(out, node.get(i), depth + 1);
            }
            close(out, depth);
            out.append(']');
        } else if (node.isTextual() || node.isBinary() || node.isPojo()) {
            string(out, node.asText());
        } else if (node.isFloatingPointNumber()) {
            out.append(GoFloat.json(node.doubleValue()));
        } else if (node.isMissingNode()) {
            out.append("null");
        } else {
            out.append(node.asText());
        }
    }

    private void object(StringBuilder out, JsonNode node, int depth) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        if (sortKeys) {
            entries.sort(Map.Entry.comparingByKey(GO_KEY_ORDER));
        }
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            separate(out, i, depth + 1);
            string(out, entries.get(i).getKey());
            out.append(indent == null ? ":" : ": ");
            value(out, entries.get(i).getValue(), depth + 1);
        }
        close(out, depth);
        out.append('}');
    }

    /** What goes before the {@code index}th element of a collection whose elements sit at {@code depth}. */
    private void separate(StringBuilder out, int index, int depth) {
        if (index > 0) {
            out.append(',');
        }
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    private void close(StringBuilder out, int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
