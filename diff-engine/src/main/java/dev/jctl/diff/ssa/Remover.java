package dev.jctl.diff.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Removes the nodes at a set's paths (each with everything beneath it) from an object, in place. */
public final class Remover {
    private Remover() {
    }

    public static void remove(JsonNode object, FieldSet paths, Schema schema) {
        // Shallowest first, skipping what a removed node took with it: an item must keep its key fields until
        // the item itself is looked up.
        FieldPath removed = null;
        for (FieldPath path : paths.paths()) {
            if (!path.isRoot() && (removed == null || !path.startsWith(removed))) {
                remove(object, schema, path.elements(), path);
                removed = path;
            }
        }
    }

    private static void remove(JsonNode node, Schema schema, List<PathElement> rest, FieldPath path) {
        PathElement head = rest.get(0);
        boolean last = rest.size() == 1;
        if (head.type() == PathElement.Type.FIELD && node instanceof ObjectNode object) {
            if (last) {
                object.remove(head.field());
            } else if (object.has(head.field())) {
                remove(object.get(head.field()), schema.field(head.field()), rest.subList(1, rest.size()), path);
            }
            return;
        }
        if (node instanceof ArrayNode array) {
            int i = position(array, schema, head, path);
            if (i < 0) {
                return;
            }
            if (last) {
                array.remove(i);
            } else {
                remove(array.get(i), schema.items(), rest.subList(1, rest.size()), path);
            }
        }
    }

    private static int position(ArrayNode array, Schema schema, PathElement element, FieldPath path) {
        // Items of granular lists are found by key or value; atomic lists have no item paths.
        if (!ListItems.granular(schema)) {
            return -1;
        }
        for (int i = 0; i < array.size(); i++) {
            if (ListItems.element(schema, array.get(i), path).equals(element)) {
                return i;
            }
        }
        return -1;
    }
}
