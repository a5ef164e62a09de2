package dev.jctl.cli.get;

import java.nio.file.Path;

/** The value of {@code -o}: kubectl's printers that jctl get offers, with their argument (template, columns). */
public record OutputFormat(Kind kind, String argument) {
    public enum Kind { TABLE, WIDE, YAML, JSON, NAME, JSONPATH, JSONPATH_FILE, CUSTOM_COLUMNS, CUSTOM_COLUMNS_FILE }

    private static final String ALLOWED = "custom-columns,custom-columns-file,json,jsonpath,jsonpath-file,name,wide,yaml";

    /** @throws IllegalArgumentException for a format jctl does not print, in kubectl's words */
    public static OutputFormat parse(String output) {
        if (output == null || output.isEmpty()) {
            return new OutputFormat(Kind.TABLE, null);
        }
        switch (output) {
            case "wide":
                return new OutputFormat(Kind.WIDE, null);
            case "yaml":
                return new OutputFormat(Kind.YAML, null);
            case "json":
                return new OutputFormat(Kind.JSON, null);
            case "name":
                return new OutputFormat(Kind.NAME, null);
            case "jsonpath", "jsonpath-file":
                throw new IllegalArgumentException("template format specified but no template given");
            default:
                break;
        }
        int equals = output.indexOf('=');
        String name = equals < 0 ? output : output.substring(0, equals);
        String argument = equals < 0 ? "" : output.substring(equals + 1);
        return switch (name) {
            case "jsonpath" -> new OutputFormat(Kind.JSONPATH, argument);
            case "jsonpath-file" -> new OutputFormat(Kind.JSONPATH_FILE, argument);
            case "custom-columns" -> new OutputFormat(Kind.CUSTOM_COLUMNS, argument);
            case "custom-columns-file" -> new OutputFormat(Kind.CUSTOM_COLUMNS_FILE, argument);
            default -> throw new IllegalArgumentException("unable to match a printer suitable for the output format \""
                    + output + "\", allowed formats are: " + ALLOWED);
        };
    }

    /** The server's Table columns: no {@code -o}, or {@code -o wide}. */
    public boolean humanReadable() {
        return kind == Kind.TABLE || kind == Kind.WIDE;
    }

    /** The JSONPath template of {@code jsonpath=} or {@code jsonpath-file=}. */
    JsonPathTemplate jsonPath() {
        if (kind == Kind.JSONPATH) {
            return JsonPathTemplate.parse(argument);
        }
        try {
            return JsonPathTemplate.parse(java.nio.file.Files.readString(Path.of(argument)));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("error reading --template " + argument + ", open " + argument
                    + ": no such file or directory\n");
        }
    }

    CustomColumns customColumns(boolean noHeaders) {
        return kind == Kind.CUSTOM_COLUMNS ? CustomColumns.fromSpec(argument, noHeaders)
                : CustomColumns.fromFile(Path.of(argument));
    }
}
