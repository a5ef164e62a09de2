package dev.jctl.cli.output;

import dev.jctl.diff.io.GoStrings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The printer {@code -o} and {@code --template} ask for, read as kubectl's print flags read them: json, yaml, name,
 * jsonpath and go-template for every command that prints objects, plus the table formats and custom columns for
 * get. A template format takes its template after {@code =}, or from {@code --template}; {@code --template} alone
 * means go-template.
 *
 * @param allowMissingKeys {@code --allow-missing-template-keys}: whether a go-template prints a missing map key
 *                         as {@code <no value>} (kubectl's default) rather than failing
 */
public record OutputFormat(Kind kind, String argument, boolean allowMissingKeys) {
    public enum Kind {
        TABLE, WIDE, YAML, JSON, NAME, JSONPATH, JSONPATH_FILE, CUSTOM_COLUMNS, CUSTOM_COLUMNS_FILE, GO_TEMPLATE,
        GO_TEMPLATE_FILE
    }

    private static final Map<String, Kind> TEMPLATE_FORMATS = Map.of("jsonpath", Kind.JSONPATH, "jsonpath-file",
            Kind.JSONPATH_FILE, "go-template", Kind.GO_TEMPLATE, "template", Kind.GO_TEMPLATE, "go-template-file",
            Kind.GO_TEMPLATE_FILE, "templatefile", Kind.GO_TEMPLATE_FILE);
    private static final Map<String, Kind> COLUMN_FORMATS = Map.of("custom-columns", Kind.CUSTOM_COLUMNS,
            "custom-columns-file", Kind.CUSTOM_COLUMNS_FILE);
    private static final String NO_TEMPLATE = "template format specified but no template given";
    private static final String NO_COLUMNS = "custom-columns format specified but no custom columns given";
    private static final String OBJECT_FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-file,name,"
            + "template,templatefile,yaml";
    private static final String GET_FORMATS = "custom-columns,custom-columns-file,go-template,go-template-file,json,"
            + "jsonpath,jsonpath-file,name,template,templatefile,wide,yaml";

    /** kubectl get's printers; no {@code -o} is the server's table. */
    public static OutputFormat forGet(String output, String template, boolean allowMissingKeys) {
        String format = output == null ? "" : output;
        if (present(template) && format.isEmpty()) {
            format = "go-template";
        }
        OutputFormat chosen = templateFormat(format, template, TEMPLATE_FORMATS, NO_TEMPLATE, allowMissingKeys);
        if (chosen == null) {
            chosen = objectFormat(format, allowMissingKeys);
        }
        if (chosen == null) {
            chosen = switch (format) {
                case "" -> new OutputFormat(Kind.TABLE, null, allowMissingKeys);
                case "wide" -> new OutputFormat(Kind.WIDE, null, allowMissingKeys);
                default -> templateFormat(format, template, COLUMN_FORMATS, NO_COLUMNS, allowMissingKeys);
            };
        }
        if (chosen == null) {
            throw noPrinter(format, GET_FORMATS);
        }
        return chosen;
    }

    /**
     * The printers of apply, label, annotate, patch and wait: null (the {@code kind/name operation} line) without
     * {@code -o} or {@code --template}.
     */
    public static OutputFormat forObjects(String output, String template, boolean allowMissingKeys) {
        String format = output == null ? "" : output;
        if (present(template) && format.isEmpty()) {
            format = "go-template";
        }
        OutputFormat chosen = objectFormat(format, allowMissingKeys);
        if (chosen == null) {
            chosen = templateFormat(format, template, TEMPLATE_FORMATS, NO_TEMPLATE, allowMissingKeys);
        }
        if (chosen == null && !format.isEmpty()) {
            throw noPrinter(output, OBJECT_FORMATS);
        }
        return chosen;
    }

    private static boolean present(String template) {
        return template != null && !template.isEmpty();
    }

    private static OutputFormat objectFormat(String format, boolean allowMissingKeys) {
        return switch (format) {
            case "json" -> new OutputFormat(Kind.JSON, null, allowMissingKeys);
            case "yaml" -> new OutputFormat(Kind.YAML, null, allowMissingKeys);
            case "name" -> new OutputFormat(Kind.NAME, null, allowMissingKeys);
            default -> null;
        };
    }

    /** A format taking a template: {@code name=TEMPLATE}, or {@code name} with {@code --template}; null if not one. */
    private static OutputFormat templateFormat(String format, String template, Map<String, Kind> formats,
                                               String noneGiven, boolean allowMissingKeys) {
        String name = format;
        String value = "";
        if (present(template)) {
            value = template;
        } else {
            int equals = format.indexOf('=');
            if (equals >= 0 && formats.containsKey(format.substring(0, equals))) {
                name = format.substring(0, equals);
                value = format.substring(equals + 1);
            }
        }
        Kind kind = formats.get(name);
        if (kind == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(noneGiven);
        }
        return new OutputFormat(kind, value, allowMissingKeys);
    }

    private static IllegalArgumentException noPrinter(String format, String allowed) {
        return new IllegalArgumentException("unable to match a printer suitable for the output format "
                + GoStrings.quote(format == null ? "" : format) + ", allowed formats are: " + allowed);
    }

    /** The server's Table columns: no {@code -o}, or {@code -o wide}. */
    public boolean humanReadable() {
        return kind == Kind.TABLE || kind == Kind.WIDE;
    }

    public boolean jsonPath() {
        return kind == Kind.JSONPATH || kind == Kind.JSONPATH_FILE;
    }

    public boolean goTemplate() {
        return kind == Kind.GO_TEMPLATE || kind == Kind.GO_TEMPLATE_FILE;
    }

    /** The template: the argument itself, or for the {@code -file} formats the file it names. */
    public String template() {
        if (kind != Kind.JSONPATH_FILE && kind != Kind.GO_TEMPLATE_FILE) {
            return argument;
        }
        try {
            return Files.readString(Path.of(argument));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("error reading --template " + argument + ", open " + argument
                    + ": no such file or directory");
        } catch (IOException e) {
            throw new IllegalArgumentException("error reading --template " + argument + ", " + e.getMessage());
        }
    }
}
