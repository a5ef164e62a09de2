package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.output.JsonPathTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's {@code -o custom-columns=HEADER:PATH,...} and {@code -o custom-columns-file=FILE} (a line of headers
 * and a line of paths): one row per object, each cell the values a JSONPath selects joined by commas (Go's
 * {@code fmt.Sprint} of each), {@code <none>} when it selects nothing; the header once, even for no objects.
 */
public final class CustomColumns {
    private static final Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)}$|^\\.?([^{}]+)$");

    private record Column(String header, JsonPathTemplate path) {
    }

    private final List<Column> columns;
    private final boolean noHeaders;
    private boolean printedHeader;

    private CustomColumns(List<Column> columns, boolean noHeaders) {
        this.columns = columns;
        this.noHeaders = noHeaders;
    }

    /** @throws IllegalArgumentException in kubectl's words for a malformed spec (an empty one never gets here) */
    public static CustomColumns fromSpec(String spec, boolean noHeaders) {
        List<Column> columns = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("unexpected custom-columns spec: " + part
                        + ", expected <header>:<json-path-expr>");
            }
            columns.add(new Column(part.substring(0, colon), JsonPathTemplate.parse(relaxed(part.substring(colon + 1)))));
        }
        return new CustomColumns(columns, noHeaders);
    }

    /** The file form; like kubectl, it always prints its header line, whatever {@code --no-headers} says. */
    public static CustomColumns fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("error reading template " + file + ", open " + file
                    + ": no such file or directory\n");
        } catch (IOException e) {
            throw new IllegalArgumentException("error reading template " + file + ", " + e.getMessage() + "\n");
        }
        String format = " Expected format is one line of space separated headers, one line of space separated "
                + "column specs.";
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("invalid template, missing header line." + format);
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException("invalid template, missing spec line." + format);
        }
        List<String> headers = words(lines.get(0));
        List<String> specs = words(lines.get(1));
        if (headers.size() != specs.size()) {
            throw new IllegalArgumentException("number of headers (" + headers.size() + ") and field specifications ("
                    + specs.size() + ") don't match");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new Column(headers.get(i), JsonPathTemplate.parse(relaxed(specs.get(i)))));
        }
        return new CustomColumns(columns, false);
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * kubectl's RelaxedJSONPathExpression: {@code a.b}, {@code .a.b}, {@code {a.b}} and {@code {.a.b}} all mean
     * {@code {.a.b}}.
     */
    public static String relaxed(String expression) {
        if (expression.isEmpty()) {
            return expression;
        }
        Matcher m = RELAXED.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected path string, expected a 'name1.name2' or '.name1.name2' "
                    + "or '{name1.name2}' or '{.name1.name2}'");
        }
        return "{." + (m.group(1) != null ? m.group(1) : m.group(2)) + "}";
    }

    /** Adds a row for {@code object} (the header first, once). */
    public void print(JsonNode object, TabWriter out) {
        header(out);
        List<String> cells = new ArrayList<>();
        for (Column column : columns) {
            List<String> values = new ArrayList<>();
            List<List<JsonNode>> results = column.path().results(object);
            if (results.isEmpty() || results.get(0).isEmpty()) {
                values.add("<none>");
            }
            results.forEach(r -> r.forEach(v -> values.add(GoFormat.escapeTerminal(GoFormat.sprint(v)))));
            cells.add(String.join(",", values));
        }
        out.line(cells);
    }

    /** The header line alone, as kubectl prints it for an empty list. */
    public void header(TabWriter out) {
        if (!noHeaders && !printedHeader) {
            out.line(columns.stream().map(Column::header).toList());
        }
        printedHeader = true;
    }
}
