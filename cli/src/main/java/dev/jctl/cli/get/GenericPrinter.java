package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.output.GoTemplatePrinter;
import dev.jctl.cli.output.JsonPathTemplate;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.cli.output.OutputFormat;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.YamlWriter;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * kubectl get's printers other than the tables: {@code -o yaml|json|name|jsonpath=|go-template=|custom-columns=}, for one
 * object, a {@code v1 List} of them, or a watch event. Watch events ({@code --output-watch-events}) print as
 * kubectl prints a {@code metav1.WatchEvent}: one compact JSON line, or YAML of {@code object} and {@code type},
 * managedFields included (kubectl leaves them out only of objects).
 */
final class GenericPrinter {
    private final OutputFormat format;
    private final PrintWriter out;
    private final ObjectPrinter objects;
    private final JsonPathTemplate jsonPath;
    private final GoTemplatePrinter goTemplate;
    private final CustomColumns columns;
    private final TabWriter tab;
    private int yamlEvents;

    GenericPrinter(OutputFormat format, boolean noHeaders, PrintWriter out) {
        this.format = format;
        this.out = out;
        this.objects = switch (format.kind()) {
            case YAML, JSON, NAME -> ObjectPrinter.of(format);
            default -> null;
        };
        this.jsonPath = format.jsonPath() ? JsonPathTemplate.parse(format.template()) : null;
        this.goTemplate = format.goTemplate() ? GoTemplatePrinter.parse(format.template(), format.allowMissingKeys())
                : null;
        this.columns = switch (format.kind()) {
            case CUSTOM_COLUMNS -> CustomColumns.fromSpec(format.argument(), noHeaders);
            case CUSTOM_COLUMNS_FILE -> CustomColumns.fromFile(Path.of(format.argument()));
            default -> null;
        };
        this.tab = new TabWriter(out);
    }

    /** Prints an object, or a {@code v1 List} (whose items {@code -o name} and custom columns print one by one). */
    void print(JsonNode document) {
        boolean list = "List".equals(document.path("kind").asText()) && document.has("items");
        if (columns != null) {
            columns.header(tab);
            if (list) {
                document.path("items").forEach(item -> columns.print(item, tab));
            } else {
                columns.print(document, tab);
            }
            tab.flush();
        } else if (jsonPath != null) {
            out.print(jsonPath.execute(document));
            out.flush();
        } else if (goTemplate != null) {
            goTemplate.print(out, document);
        } else if (list && format.kind() == OutputFormat.Kind.NAME) {
            document.path("items").forEach(item -> objects.print(out, item, ""));
        } else {
            objects.print(out, list ? withoutManagedFields(document) : document, "");
        }
    }

    /** kubectl leaves managedFields out of each item of a List too. */
    private static JsonNode withoutManagedFields(JsonNode list) {
        ObjectNode copy = list.deepCopy();
        copy.path("items").forEach(item -> {
            if (item.path("metadata") instanceof ObjectNode metadata) {
                metadata.remove("managedFields");
            }
        });
        return copy;
    }

    /** Prints a watch event as kubectl's {@code --output-watch-events} does. */
    void printEvent(String type, JsonNode object) {
        ObjectNode event = Connection.JSON.createObjectNode();
        event.put("type", type);
        event.set("object", object);
        switch (format.kind()) {
            case JSON -> out.println("{\"type\":" + JsonWriter.marshal(event.get("type")) + ",\"object\":"
                    + JsonWriter.marshal(object) + "}");
            case YAML -> {
                if (yamlEvents++ > 0) {
                    out.println("---");
                }
                out.print(YamlWriter.sortedKeys().write(event));
            }
            case NAME -> objects.print(out, object, "");
            default -> {
                print(event);
                return;
            }
        }
        out.flush();
    }
}
