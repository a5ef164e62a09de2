package dev.jctl.runtime.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a CustomResourceDefinition says about one served version beyond names and scope: the openAPIV3Schema
 * (null when the version has none), the additionalPrinterColumns, and the scale subresource's paths (null when it
 * has none). OpenAPI, tables and the scale subresource read it from the registry like everything else.
 *
 * @param storageDefaults  what every object read from storage goes through: the storage version's structural
 *                         defaults, applied in place and never written back, as upstream's storage decoder does
 * @param selectableFields the field labels of the version's selectableFields ({@code spec.color} for the
 *                         jsonPath {@code .spec.color}), which field selectors may name
 */
public record CustomResource(String storageVersion, JsonNode schema, List<PrinterColumn> printerColumns,
                             ScalePaths scale, Consumer<ObjectNode> storageDefaults, List<String> selectableFields) {
    public CustomResource {
        selectableFields = List.copyOf(selectableFields);
    }

    /** One additionalPrinterColumns entry; {@code jsonPath} is evaluated against each object. */
    public record PrinterColumn(String name, String type, String format, String description, int priority,
                                String jsonPath) {
    }

    /**
     * subresources.scale: simple field paths such as {@code .spec.replicas}; {@code labelSelector} may be null.
     */
    public record ScalePaths(String specReplicas, String statusReplicas, String labelSelector) {

        /** The value at a {@code .a.b.c} path, missing when any step is absent. */
        public static JsonNode read(JsonNode object, String path) {
            JsonNode node = object;
            for (String field : steps(path)) {
                node = node.path(field);
            }
            return node;
        }

        /** Sets the value at a {@code .a.b.c} path, creating the objects on the way. */
        public static void write(ObjectNode object, String path, JsonNode value) {
            String[] steps = steps(path);
            ObjectNode node = object;
            for (int i = 0; i < steps.length - 1; i++) {
                node = node.withObjectProperty(steps[i]);
            }
            node.set(steps[steps.length - 1], value);
        }

        private static String[] steps(String path) {
            return (path.startsWith(".") ? path.substring(1) : path).split("\\.");
        }
    }
}
