package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints {@code meta.k8s.io Table} rows as kubectl does: upper-case headers, the columns of priority 0 (all of
 * them with {@code -o wide}), a NAMESPACE column first for {@code -A}, a LABELS column last for
 * {@code --show-labels}, aligned like Go's tabwriter as kubectl configures it (padding 3, minimum width 6, the
 * last column unpadded).
 */
public final class TablePrinter {
    private static final int PADDING = 3;
    private static final int MIN_WIDTH = 6;

    /** What to show besides the server's columns. */
    public record Options(boolean wide, boolean namespaceColumn, boolean showLabels, boolean noHeaders) {
    }

    private final Options options;

    public TablePrinter(Options options) {
        this.options = options;
    }

    /** All rows of {@code tables} (all with the same columns) as one table. */
    public void print(PrintWriter out, List<JsonNode> tables) {
        if (tables.isEmpty()) {
            return;
        }
        JsonNode columns = tables.get(0).path("columnDefinitions");
        List<Integer> shown = new ArrayList<>();
        List<String> header = new ArrayList<>();
        if (options.namespaceColumn()) {
            header.add("NAMESPACE");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (options.wide() || columns.get(i).path("priority").asInt(0) == 0) {
                shown.add(i);
                header.add(columns.get(i).path("name").asText().toUpperCase(Locale.ROOT));
            }
        }
        if (options.showLabels()) {
            header.add("LABELS");
        }
        List<List<String>> lines = new ArrayList<>();
        if (!options.noHeaders()) {
            lines.add(header);
        }
        for (JsonNode table : tables) {
            for (JsonNode row : table.path("rows")) {
                List<String> line = new ArrayList<>();
                JsonNode metadata = row.path("object").path("metadata");
                if (options.namespaceColumn()) {
                    line.add(metadata.path("namespace").asText(""));
                }
                for (int i : shown) {
                    line.add(cell(row.path("cells").path(i)));
                }
                if (options.showLabels()) {
                    line.add(labels(metadata.path("labels")));
                }
                lines.add(line);
            }
        }
        write(out, lines);
    }

    /** Rows of plain strings, aligned the same way (used when the server offers no Table). */
    public static void write(PrintWriter out, List<List<String>> lines) {
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size() - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, width(line.get(i)) + PADDING));
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                text.append(cell);
                if (i < line.size() - 1) {
                    text.append(" ".repeat(widths[i] - width(cell)));
                }
            }
            out.println(text);
        }
        out.flush();
    }

    /** kubectl prints a string cell up to its first line break (then "..."), anything else as Go's fmt.Sprint. */
    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "<nil>";
        }
        if (!value.isTextual()) {
            return value.toString();
        }
        String text = value.asText();
        int breakAt = indexOfAny(text, "\f\n\r");
        return breakAt < 0 ? text : text.substring(0, breakAt) + "...";
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code a=1,b=2} sorted by key, or {@code <none>}. */
    static String labels(JsonNode labels) {
        Map<String, String> sorted = new TreeMap<>();
        labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        if (sorted.isEmpty()) {
            return "<none>";
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
