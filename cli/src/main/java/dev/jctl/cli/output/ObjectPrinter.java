package dev.jctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.YamlWriter;
import dev.jctl.diff.render.Normalizer;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * kubectl's printers for {@code -o yaml|json|name} and, without {@code -o}, the line scripts read
 * ({@code deployment.apps/web patched}). Like kubectl, YAML and JSON leave out managedFields. Several YAML
 * objects are separated by {@code ---} (kubectl patch prints them back to back, which is not valid YAML).
 */
public final class ObjectPrinter {
    private static final Normalizer HIDE_MANAGED_FIELDS = Normalizer.builder().dropManagedFields(true).build();

    private final String format;
    private int printed;

    private ObjectPrinter(String format) {
        this.format = format;
    }

    /** {@code output} is the value of {@code -o}, or null for the operation line. */
    public static ObjectPrinter forOutput(String output) {
        if (output != null && !output.equals("yaml") && !output.equals("json") && !output.equals("name")) {
            throw new IllegalArgumentException("unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: json,name,yaml");
        }
        return new ObjectPrinter(output);
    }

    /** Prints one object; {@code operation} (e.g. {@code patched}) is shown only without {@code -o}. */
    public void print(PrintWriter out, JsonNode object, String operation) {
        if (format == null) {
            out.println(name(object) + " " + operation);
        } else if (format.equals("name")) {
            out.println(name(object));
        } else if (format.equals("json")) {
            out.print(JsonWriter.kubectl().write(HIDE_MANAGED_FIELDS.normalize(object)));
        } else {
            if (printed > 0) {
                out.println("---");
            }
            out.print(YamlWriter.sortedKeys().write(HIDE_MANAGED_FIELDS.normalize(object)));
        }
        printed++;
        out.flush();
    }

    /** {@code kind.group/name} in lower case, without a group for core kinds: {@code deployment.apps/web}. */
    public static String name(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String kind = object.path("kind").asText().toLowerCase(Locale.ROOT);
        String resource = slash < 0 ? kind : kind + "." + apiVersion.substring(0, slash);
        return resource + "/" + object.path("metadata").path("name").asText();
    }
}
