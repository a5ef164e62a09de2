package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.jctl.runtime.apiserver.registry.CustomResource.PrinterColumn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a custom resource, as apiextensions-apiserver's table convertor makes them from
 * additionalPrinterColumns: Name first, then one column per printer column whose cell is the first result of
 * its JSONPath converted to the column's type (dates as ages), or null when the path finds nothing.
 */
final class CustomColumns {
    private CustomColumns() {
    }

    static List<Column> of(List<PrinterColumn> printerColumns) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.nameColumn());
        for (PrinterColumn p : printerColumns) {
            JsonPath path = JsonPath.parse(p.jsonPath());
            columns.add(new Column(p.name(), p.type(), p.format(), p.description(), p.priority(),
                    (o, now) -> cell(p.type(), path.first(o), now)));
        }
        return columns;
    }

    private static Object cell(String type, JsonNode value, Instant now) {
        if (value == null || value.isNull()) {
            return NullNode.getInstance();
        }
        return switch (type) {
            case "integer" -> value.isNumber() ? value.asLong() : NullNode.getInstance();
            case "number" -> value.isNumber() ? value.asDouble() : NullNode.getInstance();
            case "boolean" -> value.isBoolean() ? value.asBoolean() : NullNode.getInstance();
            case "date" -> date(value, now);
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    private static Object date(JsonNode value, Instant now) {
        if (!value.isTextual()) {
            return NullNode.getInstance();
        }
        try {
            Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
        return Cells.age(value, now);
    }
}
