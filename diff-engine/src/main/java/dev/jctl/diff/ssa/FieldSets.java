package dev.jctl.diff.ssa;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field sets of objects: what an applied configuration claims ({@link #of}) and what a write changed
 * ({@link #compare}), following structured-merge-diff's ToFieldSet and Compare walks.
 */
public final class FieldSets {
    private FieldSets() {
    }

    /** What changed from one object to the next: nodes added, scalars or atomic values modified, nodes removed. */
    public record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
    }

    /**
     * The set an apply claims: every scalar, atomic list or map and list item; struct fields only through their
     * children unless null or empty, free-form map keys always.
     */
    public static FieldSet of(JsonNode object, Schema schema) {
        Set<FieldPath> out = new TreeSet<>();
        collect(object, schema, FieldPath.ROOT, out);
        return FieldSet.of(out);
    }

    private static void collect(JsonNode node, Schema schema, FieldPath at, Set<FieldPath> out) {
        if (node.isObject()) {
            if (schema.atomicMap()) {
                out.add(at);
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                FieldPath child = at.child(PathElement.field(e.getKey()));
                JsonNode value = e.getValue();
                collect(value, schema.field(e.getKey()), child, out);
                if (value.isNull() || (value.isObject() && value.isEmpty()) || !schema.declares(e.getKey())) {
                    out.add(child);
                }
            }
        } else if (node.isArray()) {
            if (!ListItems.granular(schema)) {
                out.add(at);
                return;
            }
            for (JsonNode item : node) {
                FieldPath child = at.child(ListItems.element(schema, item, at));
                collect(item, schema.items(), child, out);
                out.add(child);
            }
        } else if (!at.isRoot()) {
            out.add(at);
        }
    }

    public static Comparison compare(JsonNode before, JsonNode after, Schema schema) {
        Sets sets = new Sets();
        compare(before, after, schema, FieldPath.ROOT, sets);
        return new Comparison(FieldSet.of(sets.added), FieldSet.of(sets.modified), FieldSet.of(sets.removed));
    }

    private static final class Sets {
        final Set<FieldPath> added = new TreeSet<>();
        final Set<FieldPath> modified = new TreeSet<>();
        final Set<FieldPath> removed = new TreeSet<>();
    }

    /** Either side may be null (absent); a node present on one side only is added or removed with all below it. */
    private static void compare(JsonNode l, JsonNode r, Schema schema, FieldPath at, Sets sets) {
        JsonNode shape = r != null ? r : l;
        boolean sameShape = l == null || r == null || l.getNodeType() == r.getNodeType();
        if (sameShape && shape.isObject() && !schema.atomicMap() && !(isEmpty(l) && isEmpty(r))) {
            Set<String> names = new LinkedHashSet<>();
            if (l != null) {
                l.fieldNames().forEachRemaining(names::add);
            }
            if (r != null) {
                r.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                compare(child(l, name), child(r, name), schema.field(name), at.child(PathElement.field(name)), sets);
            }
        } else if (sameShape && shape.isArray() && ListItems.granular(schema) && !(isEmpty(l) && isEmpty(r))) {
            Map<PathElement, JsonNode> left = l == null ? Map.of() : ListItems.index(schema, l, at);
            Map<PathElement, JsonNode> right = r == null ? Map.of() : ListItems.index(schema, r, at);
            Set<PathElement> items = new LinkedHashSet<>(left.keySet());
            items.addAll(right.keySet());
            for (PathElement item : items) {
                compare(left.get(item), right.get(item), schema.items(), at.child(item), sets);
            }
        } else if (l != null && r != null && !l.equals(r)) {
            sets.modified.add(at);
        }
        if (!at.isRoot() && l == null) {
            sets.added.add(at);
        } else if (!at.isRoot() && r == null) {
            sets.removed.add(at);
        }
    }

    private static JsonNode child(JsonNode node, String name) {
        return node == null ? null : node.get(name);
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isEmpty();
    }
}
