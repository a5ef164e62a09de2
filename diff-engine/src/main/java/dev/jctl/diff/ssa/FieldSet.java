package dev.jctl.diff.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable set of field paths: what one field manager owns, or what changed between two objects. A path
 * being in the set says its node (a scalar, an atomic list or map, a list item, or a field set explicitly) is
 * owned; containers whose children are owned need not be members themselves, as in structured-merge-diff.
 */
public final class FieldSet {
    public static final FieldSet EMPTY = new FieldSet(new TreeSet<>());

    private final NavigableSet<FieldPath> paths;

    private FieldSet(NavigableSet<FieldPath> paths) {
        this.paths = Collections.unmodifiableNavigableSet(paths);
    }

    public static FieldSet of(Collection<FieldPath> paths) {
        return new FieldSet(new TreeSet<>(paths));
    }

    public static FieldSet of(FieldPath... paths) {
        return of(List.of(paths));
    }

    public NavigableSet<FieldPath> paths() {
        return paths;
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public boolean contains(FieldPath path) {
        return paths.contains(path);
    }

    public FieldSet union(FieldSet other) {
        TreeSet<FieldPath> all = new TreeSet<>(paths);
        all.addAll(other.paths);
        return new FieldSet(all);
    }

    public FieldSet difference(FieldSet other) {
        return filter(p -> !other.paths.contains(p));
    }

    public FieldSet intersection(FieldSet other) {
        return filter(other.paths::contains);
    }

    public FieldSet filter(Predicate<FieldPath> keep) {
        TreeSet<FieldPath> kept = new TreeSet<>();
        paths.stream().filter(keep).forEach(kept::add);
        return new FieldSet(kept);
    }

    /** These paths and every path above them: the containers an owner implicitly keeps alive. */
    public FieldSet withAncestors() {
        TreeSet<FieldPath> all = new TreeSet<>();
        for (FieldPath path : paths) {
            for (FieldPath p = path; !p.isRoot(); p = p.parent()) {
                all.add(p);
            }
        }
        return new FieldSet(all);
    }

    /** The FieldsV1 document: {@code {"f:spec":{"f:replicas":{}}}}, {@code ".": {}} marking an owned container. */
    public ObjectNode toFieldsV1() {
        Node root = new Node();
        for (FieldPath path : paths) {
            Node node = root;
            for (PathElement element : path.elements()) {
                node = node.children.computeIfAbsent(element, e -> new Node());
            }
            node.member = true;
        }
        return root.encode();
    }

    public static FieldSet fromFieldsV1(JsonNode fields) {
        TreeSet<FieldPath> paths = new TreeSet<>();
        decode(fields, FieldPath.ROOT, paths);
        return new FieldSet(paths);
    }

    private static void decode(JsonNode node, FieldPath at, Collection<FieldPath> into) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("FieldsV1 entries must be objects, " + at + " is " + node);
        }
        if (node.isEmpty() && !at.isRoot()) {
            into.add(at);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(".")) {
                into.add(at);
            } else {
                decode(e.getValue(), at.child(PathElement.parseFieldsV1(e.getKey())), into);
            }
        }
    }

    private static final class Node {
        final TreeMap<PathElement, Node> children = new TreeMap<>();
        boolean member;

        ObjectNode encode() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (member && !children.isEmpty()) {
                out.putObject(".");
            }
            children.forEach((element, child) -> out.set(element.toFieldsV1(), child.encode()));
            return out;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet other && paths.equals(other.paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return paths.toString();
    }
}
