package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.openapi.FieldValidator;
import dev.jctl.runtime.apiserver.openapi.SchemaCatalog;
import dev.jctl.runtime.apiserver.openapi.UnknownFields;
import dev.jctl.runtime.apiserver.registry.CustomResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unknown fields of a custom resource, as apiextensions-apiserver's schema-coercing decoder reports them under
 * {@code fieldValidation=Strict|Warn}: the duplicate keys of the body (its untyped strict decode), then the unknown
 * fields of metadata, then what structural pruning drops ({@link Pruner}, the one rule for what is unknown), then
 * the unknown fields of the metadata of embedded resources; each group sorted, as upstream sorts it.
 */
public final class CustomResourceFields implements UnknownFields {
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final FieldValidator METADATA = new FieldValidator(SchemaCatalog.builtin().schemas(),
            SchemaCatalog.builtin().schema(OBJECT_META));

    private final JsonNode schema;

    private CustomResourceFields(JsonNode schema) {
        this.schema = schema;
    }

    /** The check of a version's schema; empty for a version without one, which keeps every field. */
    public static Optional<UnknownFields> of(CustomResource custom) {
        return custom.schema() == null ? Optional.empty() : Optional.of(new CustomResourceFields(custom.schema()));
    }

    @Override
    public List<String> checkJson(byte[] body) {
        List<String> problems = FieldValidator.duplicateFields(body);
        problems.addAll(unknownFields(Json.parse(body)));
        return problems;
    }

    @Override
    public List<String> unknownFields(JsonNode object) {
        if (!(object instanceof ObjectNode root)) {
            return List.of();
        }
        ObjectNode copy = root.deepCopy();
        List<String> problems = new ArrayList<>(metadataFields("", copy.get("metadata")));
        Pruner.Pruned pruned = Pruner.prune(copy, schema);
        pruned.fields().forEach(path -> problems.add("unknown field \"" + path + "\""));
        List<String> embedded = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> metadata : pruned.embeddedMetadata().entrySet()) {
            embedded.addAll(metadataFields(metadata.getKey(), metadata.getValue()));
        }
        problems.addAll(embedded.stream().sorted().toList());
        return problems;
    }

    /** Prunes by the schema and drops the unknown fields of metadata, at the root and in embedded resources. */
    @Override
    public void prune(JsonNode object) {
        if (object instanceof ObjectNode root) {
            if (root.get("metadata") instanceof ObjectNode metadata) {
                METADATA.prune(metadata);
            }
            Pruner.prune(root, schema).embeddedMetadata().values().forEach(METADATA::prune);
        }
    }

    private static List<String> metadataFields(String parent, JsonNode metadata) {
        if (metadata == null) {
            return List.of();
        }
        return METADATA.unknownFields(metadata, parent.isEmpty() ? "metadata" : parent + ".metadata").stream()
                .sorted().toList();
    }
}
