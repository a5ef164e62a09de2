package dev.jctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.render.Normalizer;
import java.io.PrintWriter;
import java.util.List;

/** Shapes shared by the cluster commands' output. */
final class Printing {
    private static final Normalizer HIDE_MANAGED_FIELDS = Normalizer.builder().dropManagedFields(true).build();

    private Printing() {
    }

    /**
     * What kubectl apply prints for {@code -o yaml|json}: one object as itself, several as a typed {@code v1 List}.
     * Being a Go struct, that List's JSON keeps its field order (kind, apiVersion, metadata, items) while the
     * objects inside have sorted keys; its YAML is sorted throughout.
     */
    static void printApplied(PrintWriter out, String format, ObjectPrinter printer, List<JsonNode> objects) {
        if (objects.size() == 1) {
            printer.print(out, objects.get(0), "");
            return;
        }
        if (format.equals("json")) {
            StringBuilder text = new StringBuilder("{\n    \"kind\": \"List\",\n    \"apiVersion\": \"v1\",\n"
                    + "    \"metadata\": {},\n    \"items\": [\n");
            for (int i = 0; i < objects.size(); i++) {
                String item = JsonWriter.kubectl().write(HIDE_MANAGED_FIELDS.normalize(objects.get(i))).stripTrailing();
                text.append(item.indent(8).stripTrailing()).append(i < objects.size() - 1 ? ",\n" : "\n");
            }
            out.print(text.append("    ]\n}\n"));
            out.flush();
            return;
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.putArray("items").addAll(objects);
        list.put("kind", "List");
        list.putObject("metadata");
        printer.print(out, list, "");
    }
}
