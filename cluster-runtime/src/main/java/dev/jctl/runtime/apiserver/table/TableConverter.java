package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Answers {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}: a meta.k8s.io Table with the kind's
 * columns and one row per object, each row carrying the object as {@code includeObject} asks (None, Metadata as
 * a PartialObjectMetadata - the default - or the whole Object).
 */
public final class TableConverter {
    private final Clock clock;

    public TableConverter(Clock clock) {
        this.clock = clock;
    }

    /** A table of one object or of a list's items; {@code apiVersion} is meta.k8s.io/v1 or v1beta1. */
    public ObjectNode convert(KindInfo kind, JsonNode objectOrList, String apiVersion, String includeObject,
                              boolean withColumns) {
        String include = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
        if (!List.of("None", "Metadata", "Object").contains(include)) {
            throw ApiException.badRequest("includeObject: Unsupported value: \"" + include
                    + "\": supported values: \"Metadata\", \"None\", \"Object\"");
        }
        List<Column> columns = Printers.forKind(kind);
        ObjectNode table = Json.object();
        table.put("kind", "Table").put("apiVersion", apiVersion);
        ObjectNode meta = table.putObject("metadata");
        JsonNode sourceMeta = objectOrList.path("metadata");
        meta.put("resourceVersion", sourceMeta.path("resourceVersion").asText(""));
        if (sourceMeta.hasNonNull("continue")) {
            meta.set("continue", sourceMeta.get("continue"));
        }
        if (withColumns) {
            ArrayNode definitions = table.putArray("columnDefinitions");
            for (Column c : columns) {
                definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        Instant now = clock.instant();
        if (objectOrList.has("items")) {
            for (JsonNode item : objectOrList.get("items")) {
                rows.add(row(columns, item, include, now));
            }
        } else {
            rows.add(row(columns, objectOrList, include, now));
        }
        return table;
    }

    private static ObjectNode row(List<Column> columns, JsonNode object, String include, Instant now) {
        ObjectNode row = Json.object();
        ArrayNode cells = row.putArray("cells");
        for (Column c : columns) {
            cells.add(Json.MAPPER.valueToTree(c.cell().apply(object, now)));
        }
        switch (include) {
            case "Object" -> row.set("object", object);
            case "Metadata" -> {
                ObjectNode partial = row.putObject("object");
                partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
                partial.set("metadata", object.path("metadata"));
            }
            default -> {
            }
        }
        return row;
    }
}
