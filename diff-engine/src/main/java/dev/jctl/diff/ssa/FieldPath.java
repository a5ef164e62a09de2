package dev.jctl.diff.ssa;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A path from the object root to one field, list item or set item, e.g. {@code .spec.containers[name="a"].image}. */
public record FieldPath(List<PathElement> elements) implements Comparable<FieldPath> {
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        elements = List.copyOf(elements);
    }

    /** A path of map fields, {@code fields("spec", "replicas")} being {@code .spec.replicas}. */
    public static FieldPath fields(String... names) {
        List<PathElement> elements = new ArrayList<>();
        for (String name : names) {
            elements.add(PathElement.field(name));
        }
        return new FieldPath(elements);
    }

    /**
     * The path of the node {@code pointer} leads to in {@code object}: items of granular lists named by their key
     * fields or value, as field sets name them, items of atomic lists by position.
     */
    public static FieldPath of(JsonNode object, JsonPointer pointer, Schema schema) {
        FieldPath at = ROOT;
        JsonNode node = object;
        Schema type = schema;
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            if (node.isArray()) {
                int index = rest.getMatchingIndex();
                node = node.get(index);
                at = at.child(ListItems.granular(type) ? ListItems.element(type, node, at) : PathElement.index(index));
                type = type.items();
            } else {
                String name = rest.getMatchingProperty();
                node = node.get(name);
                at = at.child(PathElement.field(name));
                type = type.field(name);
            }
        }
        return at;
    }

    public FieldPath child(PathElement element) {
        List<PathElement> next = new ArrayList<>(elements);
        next.add(element);
        return new FieldPath(next);
    }

    public boolean isRoot() {
        return elements.isEmpty();
    }

    public FieldPath parent() {
        return new FieldPath(elements.subList(0, elements.size() - 1));
    }

    /** Whether this path is {@code other} or lies beneath it. */
    public boolean startsWith(FieldPath other) {
        return other.elements.size() <= elements.size()
                && elements.subList(0, other.elements.size()).equals(other.elements);
    }

    @Override
    public int compareTo(FieldPath other) {
        int n = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < n; i++) {
            int c = elements.get(i).compareTo(other.elements.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(elements.size(), other.elements.size());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        elements.forEach(out::append);
        return out.toString();
    }
}
