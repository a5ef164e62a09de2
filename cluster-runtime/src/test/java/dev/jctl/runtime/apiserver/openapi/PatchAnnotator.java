package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.smp.PatchMeta;

import java.util.Map;
import java.util.Set;

/**
 * Writes the strategic-merge-patch facts of {@link dev.jctl.diff.smp.BuiltinPatchMeta} into the schemas as the
 * {@code x-kubernetes-patch-strategy} and {@code x-kubernetes-patch-merge-key} extensions, so that the server's
 * OpenAPI and the diff-engine's compiled-in table cannot disagree. The list type is derived from them: a merged
 * list with a key is a {@code map} keyed by it, a merged list of scalars a {@code set}. Upstream keys a few
 * lists by two fields (container ports by containerPort and protocol); the patch key alone is published here.
 */
final class PatchAnnotator {
    private final Map<String, ObjectNode> schemas;

    PatchAnnotator(Map<String, ObjectNode> schemas) {
        this.schemas = schemas;
    }

    /** Annotates the schema {@code name} and what it reaches, described by {@code meta}; each schema once. */
    void annotate(String name, PatchMeta meta, Set<String> done) {
        if (!done.add(name)) {
            return;
        }
        JsonNode properties = schemas.get(name).path("properties");
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            ObjectNode property = (ObjectNode) entry.getValue();
            boolean list = "array".equals(property.path("type").asText());
            PatchMeta.Field field;
            try {
                field = list ? meta.lookupSlice(entry.getKey()) : meta.lookupStruct(entry.getKey());
            } catch (PatchException | IllegalStateException e) {
                // a field newer or older than the table: it has no patch metadata to publish
                continue;
            }
            if (!field.strategies().isEmpty()) {
                property.put("x-kubernetes-patch-strategy", String.join(",", field.strategies()));
            }
            if (!field.mergeKey().isEmpty()) {
                property.put("x-kubernetes-patch-merge-key", field.mergeKey());
            }
            if (list && field.strategies().contains("merge")) {
                if (field.mergeKey().isEmpty()) {
                    property.put("x-kubernetes-list-type", "set");
                } else {
                    property.putArray("x-kubernetes-list-map-keys").add(field.mergeKey());
                    property.put("x-kubernetes-list-type", "map");
                }
            }
            String target = SchemaRefs.refName(list ? property.path("items") : property);
            if (target != null && schemas.get(target).has("properties")) {
                annotate(target, field.schema(), done);
            }
        }
    }
}
