package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl's human-readable printer for one resource type: {@code meta.k8s.io Table} rows with upper-case
 * headers, the columns of priority 0 (all with {@code -o wide}), a NAMESPACE column first for {@code -A}, an
 * EVENT column before it for {@code --output-watch-events}, {@code -L} label columns and a LABELS column last,
 * and {@code kind.group/} before each name when several types are printed. Like kubectl it is stateful: headers
 * are printed once for as long as the columns stay the same, which is what keeps a watch to one header line.
 * Objects that are not Tables (a server without Table support) get kubectl's NAME and AGE columns.
 */
public final class TablePrinter {
    /**
     * @param kindPrefix   {@code deployment.apps} to print before each name, or null
     * @param labelColumns the {@code -L} label keys
     */
    public record Options(boolean wide, boolean namespaceColumn, boolean showLabels, List<String> labelColumns,
                          boolean noHeaders, String kindPrefix) {
        public Options {
            labelColumns = List.copyOf(labelColumns);
        }
    }

    private final Options options;
    private JsonNode lastColumns;
    private boolean printedHeaders;
    private boolean printedObjectRows;

    public TablePrinter(Options options) {
        this.options = options;
    }

    /** Adds the rows of {@code document} (a Table or an object) to {@code out}; {@code eventType} null outside a watch event. */
    public void print(JsonNode document, String eventType, TabWriter out) {
        if (Getter.isTable(document)) {
            printTable(document, eventType, out);
        } else {
            printObject(document, eventType, out);
        }
    }

    private void printTable(JsonNode table, String eventType, TabWriter out) {
        JsonNode given = table.path("columnDefinitions");
        boolean noHeaders = options.noHeaders()
                || printedHeaders && (given.isEmpty() || given.equals(lastColumns));
        if (!given.isEmpty() && !given.equals(lastColumns)) {
            lastColumns = given;
            printedHeaders = false;
        }
        // Watch events may leave the columns out to save bandwidth: those of the last table apply.
        JsonNode columns = given.isEmpty() && lastColumns != null ? lastColumns : given;
        JsonNode rows = table.path("rows");
        if (!rows.isEmpty()) {
            printedHeaders = true;
        }
        List<Integer> shown = new ArrayList<>();
        int nameColumn = -1;
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            if (options.wide() || column.path("priority").asInt(0) == 0) {
                shown.add(i);
            }
            if (nameColumn < 0 && "name".equals(column.path("format").asText())
                    && "string".equals(column.path("type").asText())) {
                nameColumn = i;
            }
        }
        if (!noHeaders) {
            if (rows.isEmpty()) {
                return;
            }
            List<String> header = prefixHeaders(eventType);
            shown.forEach(i -> header.add(columns.get(i).path("name").asText().toUpperCase(Locale.ROOT)));
            out.line(suffixHeaders(header));
        }
        for (JsonNode row : rows) {
            JsonNode object = row.get("object");
            List<String> line = prefixCells(eventType, object);
            JsonNode cells = row.path("cells");
            for (int i : shown) {
                String cell = i < cells.size() ? cell(cells.get(i)) : "";
                line.add(i == nameColumn && options.kindPrefix() != null ? options.kindPrefix() + "/" + cell : cell);
            }
            out.line(suffixCells(line, object));
        }
    }

    private void printObject(JsonNode object, String eventType, TabWriter out) {
        if (!options.noHeaders() && !printedObjectRows) {
            List<String> header = prefixHeaders(eventType);
            header.add("NAME");
            header.add("AGE");
            out.line(suffixHeaders(header));
        }
        printedObjectRows = true;
        JsonNode metadata = object.path("metadata");
        List<String> line = prefixCells(eventType, object);
        String name = metadata.path("name").asText("");
        line.add(options.kindPrefix() != null ? options.kindPrefix() + "/" + name : name);
        String created = metadata.path("creationTimestamp").asText("");
        line.add(created.isEmpty() ? "<unknown>"
                : HumanDuration.of(Duration.between(Instant.parse(created), Instant.now())));
        out.line(suffixCells(line, object));
    }

    private List<String> prefixHeaders(String eventType) {
        List<String> header = new ArrayList<>();
        if (eventType != null) {
            header.add("EVENT");
        }
        if (options.namespaceColumn()) {
            header.add("NAMESPACE");
        }
        return header;
    }

    private List<String> suffixHeaders(List<String> header) {
        for (String label : options.labelColumns()) {
            header.add(label.substring(label.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT));
        }
        if (options.showLabels()) {
            header.add("LABELS");
        }
        return header;
    }

    private List<String> prefixCells(String eventType, JsonNode object) {
        List<String> line = new ArrayList<>();
        if (eventType != null) {
            line.add(eventColumn(eventType));
        }
        if (options.namespaceColumn()) {
            line.add(object == null ? "" : object.path("metadata").path("namespace").asText(""));
        }
        return line;
    }

    /** Label cells; a row without its object (nothing to read labels from) gets empty ones, as in kubectl. */
    private List<String> suffixCells(List<String> line, JsonNode object) {
        JsonNode labels = object == null ? null : object.path("metadata").path("labels");
        for (String key : options.labelColumns()) {
            line.add(labels == null ? "" : labels.path(key).asText(""));
        }
        if (options.showLabels()) {
            line.add(labels == null ? "" : labels(labels));
        }
        return line;
    }

    /** kubectl pads the event type to the width of MODIFIED, so the column reads the same before the writer aligns it. */
    private static String eventColumn(String type) {
        return switch (type) {
            case "ADDED", "DELETED", "ERROR", "MODIFIED" -> String.format("%-8s", type);
            default -> type;
        };
    }

    /** A string cell up to its first line break (then "..."), anything else as Go's fmt.Sprint; null as nothing. */
    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            return GoFormat.sprint(value);
        }
        String text = value.asText();
        int breakAt = indexOfAny(text, "\f\n\r");
        return GoFormat.escapeTerminal(breakAt < 0 ? text : text.substring(0, breakAt)) + (breakAt < 0 ? "" : "...");
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code a=1,b=2} sorted by key, or {@code <none>}: apimachinery's labels.FormatLabels. */
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
}
