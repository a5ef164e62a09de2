package dev.jctl.diff.ssa;

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
