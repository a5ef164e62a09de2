package dev.jctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.YamlWriter;
import dev.jctl.diff.render.Normalizer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * kubectl's printers for {@code -o yaml|json|name|jsonpath=|go-template=} and, without {@code -o}, the line scripts
 * read ({@code deployment.apps/web patched}). Like kubectl, YAML and JSON leave out managedFields (templates see
 * them). Several YAML objects are separated by {@code ---} (kubectl patch prints them back to back, which is not
 * valid YAML).
 */
public final class ObjectPrinter {
    private static final Normalizer HIDE_MANAGED_FIELDS = Normalizer.builder().dropManagedFields(true).build();

    private final OutputFormat format;
    private final JsonPathTemplate jsonPath;
    private final GoTemplatePrinter goTemplate;
    private int printed;

    private ObjectPrinter(OutputFormat format, JsonPathTemplate jsonPath, GoTemplatePrinter goTemplate) {
        this.format = format;
        this.jsonPath = jsonPath;
        this.goTemplate = goTemplate;
    }

    /** @param format the printer asked for, or null for the operation line */
    public static ObjectPrinter of(OutputFormat format) {
        if (format == null) {
            return new ObjectPrinter(null, null, null);
        }
        return new ObjectPrinter(format, format.jsonPath() ? JsonPathTemplate.parse(format.template()) : null,
                format.goTemplate() ? GoTemplatePrinter.parse(format.template(), format.allowMissingKeys()) : null);
    }

    /** Prints one object; {@code operation} (e.g. {@code patched}) is shown only without {@code -o}. */
    public void print(PrintWriter out, JsonNode object, String operation) {
        if (format == null) {
            out.println(name(object) + " " + operation);
        } else {
            switch (format.kind()) {
                case NAME -> out.println(name(object));
                case JSON -> out.print(JsonWriter.kubectl().write(HIDE_MANAGED_FIELDS.normalize(object)));
                case YAML -> {
                    if (printed > 0) {
                        out.println("---");
                    }
                    out.print(YamlWriter.sortedKeys().write(HIDE_MANAGED_FIELDS.normalize(object)));
                }
                case JSONPATH, JSONPATH_FILE -> out.print(jsonPath.execute(object));
                case GO_TEMPLATE, GO_TEMPLATE_FILE -> goTemplate.print(out, object);
                default -> throw new IllegalStateException("not a printer of objects: " + format.kind());
            }
        }
        printed++;
        out.flush();
    }

    /**
     * Prints objects as the {@code v1 List} kubectl builds as a Go struct: its JSON keeps the struct's field order
     * (kind, apiVersion, metadata, items) while the objects inside have sorted keys, which is also what a failing
     * template shows; its YAML is sorted throughout.
     */
    public void printTypedList(PrintWriter out, List<JsonNode> objects) {
        if (format != null && format.kind() == OutputFormat.Kind.JSON) {
            StringBuilder text = new StringBuilder("{\n    \"kind\": \"List\",\n    \"apiVersion\": \"v1\",\n"
                    + "    \"metadata\": {},\n    \"items\": [\n");
            for (int i = 0; i < objects.size(); i++) {
                String item = JsonWriter.kubectl().write(HIDE_MANAGED_FIELDS.normalize(objects.get(i))).stripTrailing();
                text.append(item.indent(8).stripTrailing()).append(i < objects.size() - 1 ? ",\n" : "\n");
            }
            out.print(text.append("    ]\n}\n"));
            out.flush();
            printed++;
            return;
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.putArray("items").addAll(objects);
        list.put("kind", "List");
        list.putObject("metadata");
        if (goTemplate == null) {
            print(out, list, "");
            return;
        }
        StringBuilder goJson = new StringBuilder("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[");
        for (int i = 0; i < objects.size(); i++) {
            goJson.append(i > 0 ? "," : "").append(JsonWriter.marshal(objects.get(i)));
        }
        goTemplate.print(out, list, goJson.append("]}").toString());
        printed++;
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
