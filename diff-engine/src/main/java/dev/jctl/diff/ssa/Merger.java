package dev.jctl.diff.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an applied configuration into a live object as structured-merge-diff does: granular maps field by field,
 * granular lists item by item (keeping live-only items where they were and the applied order for the rest),
 * scalars and atomic values replaced. A null in the configuration removes the field.
 */
public final class Merger {
    private Merger() {
    }

    public static JsonNode merge(JsonNode live, JsonNode config, Schema schema) {
        if (config == null) {
            return live == null ? null : live.deepCopy();
        }
        if (live != null && live.isObject() && config.isObject() && !schema.atomicMap()) {
            ObjectNode out = live.deepCopy();
            for (Map.Entry<String, JsonNode> e : config.properties()) {
                JsonNode merged = merge(live.get(e.getKey()), e.getValue(), schema.field(e.getKey()));
                if (merged == null || merged.isNull()) {
                    out.remove(e.getKey());
                } else {
                    out.set(e.getKey(), merged);
                }
            }
            return out;
        }
        if (live != null && live.isArray() && config.isArray() && ListItems.granular(schema)) {
            return mergeLists(live, config, schema);
        }
        return config.deepCopy();
    }

    /**
     * Walks both lists at once: an item in both is merged where the applied list puts it, an item only live stays
     * in its place unless a shared item is due first, an applied-only item comes in its applied position.
     */
    private static ArrayNode mergeLists(JsonNode live, JsonNode config, Schema schema) {
        FieldPath at = FieldPath.ROOT;
        Map<PathElement, JsonNode> lhsItems = ListItems.index(schema, live, at);
        List<PathElement> lhs = new ArrayList<>(lhsItems.keySet());
        Map<PathElement, JsonNode> rhsItems = ListItems.index(schema, config, at);
        List<PathElement> rhs = new ArrayList<>(rhsItems.keySet());
        Deque<PathElement> shared = new ArrayDeque<>();
        rhs.stream().filter(lhsItems::containsKey).forEach(shared::add);
        Set<PathElement> done = new HashSet<>();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        int l = 0;
        int r = 0;
        while (l < lhs.size() || r < rhs.size()) {
            if (l < lhs.size() && r < rhs.size() && lhs.get(l).equals(rhs.get(r))) {
                PathElement pe = lhs.get(l);
                add(out, merge(lhsItems.get(pe), rhsItems.get(pe), schema.items()), done, pe);
                shared.remove(pe);
                l++;
                r++;
                continue;
            }
            if (l < lhs.size()) {
                PathElement pe = lhs.get(l);
                boolean inRhs = rhsItems.containsKey(pe);
                if (!inRhs) {
                    add(out, lhsItems.get(pe).deepCopy(), done, pe);
                    l++;
                    continue;
                }
                if (done.contains(pe) || (!shared.isEmpty() && !shared.peekFirst().equals(pe))) {
                    l++;
                    continue;
                }
            }
            if (r < rhs.size()) {
                PathElement pe = rhs.get(r);
                add(out, merge(lhsItems.get(pe), rhsItems.get(pe), schema.items()), done, pe);
                shared.remove(pe);
                r++;
            } else {
                l++;
            }
        }
        return out;
    }

    private static void add(ArrayNode out, JsonNode item, Set<PathElement> done, PathElement pe) {
        if (done.add(pe) && item != null) {
            out.add(item);
        }
    }
}
