package dev.jctl.diff.ssa;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Identity of the items of granular lists: associative items by their key fields, set items by value. */
final class ListItems {
    private ListItems() {
    }

    static PathElement element(Schema list, JsonNode item, FieldPath at) {
        if (list.listType() == Schema.ListType.SET) {
            if (item.isContainerNode()) {
                throw new FieldSetException(at + ": set list items must be scalars, not " + item.getNodeType());
            }
            return PathElement.value(item);
        }
        if (!item.isObject()) {
            throw new FieldSetException(at + ": associative list items must be objects, not " + item.getNodeType());
        }
        Map<String, JsonNode> key = new TreeMap<>();
        for (String name : list.listKeys()) {
            JsonNode value = item.get(name);
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw new FieldSetException(at + ": associative list with keys has an element that omits key field \""
                        + name + "\"");
            }
            key.put(name, value);
        }
        return PathElement.key(key);
    }

    /** The items of a granular list by identity, in list order; a repeated identity keeps its first item. */
    static Map<PathElement, JsonNode> index(Schema list, JsonNode array, FieldPath at) {
        Map<PathElement, JsonNode> items = new LinkedHashMap<>();
        for (JsonNode item : array) {
            items.putIfAbsent(element(list, item, at), item);
        }
        return items;
    }

    static boolean granular(Schema schema) {
        return schema.listType() != Schema.ListType.ATOMIC;
    }
}
