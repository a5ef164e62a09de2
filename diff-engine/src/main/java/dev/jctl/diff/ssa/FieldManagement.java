package dev.jctl.diff.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field ownership across writes, after structured-merge-diff's merge.Updater: managers are opaque identifiers
 * mapped to the fields they own. {@link #apply} merges a configuration, prunes what the manager applied before
 * and nobody owns now, and detects conflicts; {@link #update} records what an ordinary write changed.
 */
public final class FieldManagement {
    private FieldManagement() {
    }

    /** The object after the write (null when an apply changed nothing) and every manager's fields. */
    public record Result(JsonNode object, Map<String, FieldSet> managers) {
    }

    public static Result apply(JsonNode live, JsonNode config, Schema schema, Map<String, FieldSet> managers,
                               String manager, boolean force) {
        JsonNode before = live == null ? JsonNodeFactory.instance.objectNode() : live;
        JsonNode merged = Merger.merge(before, config, schema);
        FieldSet last = managers.getOrDefault(manager, FieldSet.EMPTY);
        Map<String, FieldSet> next = new LinkedHashMap<>(managers);
        next.put(manager, FieldSets.of(config, schema));
        prune(merged, next, last, schema);
        transfer(before, merged, schema, next, manager, force);
        return new Result(before.equals(merged) ? null : merged, next);
    }

    /** An ordinary write: the writer gains what it added or modified, every other manager loses it. */
    public static Map<String, FieldSet> update(JsonNode live, JsonNode object, Schema schema,
                                               Map<String, FieldSet> managers, String manager) {
        JsonNode before = live == null ? JsonNodeFactory.instance.objectNode() : live;
        Map<String, FieldSet> next = new LinkedHashMap<>(managers);
        FieldSets.Comparison changes = transfer(before, object, schema, next, manager, true);
        FieldSet own = next.getOrDefault(manager, FieldSet.EMPTY).difference(changes.removed())
                .union(changes.modified()).union(changes.added());
        next.remove(manager);
        if (!own.isEmpty()) {
            next.put(manager, own);
        }
        return next;
    }

    /**
     * Removes what {@code last} (the manager's previous apply) held and no manager owns now, a node going with
     * everything beneath it; containers of owned fields stay.
     */
    private static void prune(JsonNode merged, Map<String, FieldSet> managers, FieldSet last, Schema schema) {
        if (last.isEmpty()) {
            return;
        }
        FieldSet owned = FieldSet.EMPTY;
        for (FieldSet set : managers.values()) {
            owned = owned.union(set);
        }
        Remover.remove(merged, last.withAncestors().difference(owned.withAncestors()), schema);
    }

    /**
     * Takes the fields the write changes from every other manager, or - without force - fails with the conflicts.
     * Fields the write removed are dropped from every other manager; managers left with nothing are dropped.
     */
    private static FieldSets.Comparison transfer(JsonNode before, JsonNode after, Schema schema,
                                                 Map<String, FieldSet> managers, String writer, boolean force) {
        FieldSets.Comparison changes = FieldSets.compare(before, after, schema);
        FieldSet changed = changes.added().union(changes.modified());
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, FieldSet> e : managers.entrySet()) {
            if (!e.getKey().equals(writer)) {
                e.getValue().intersection(changed).paths().forEach(p -> conflicts.add(new Conflict(e.getKey(), p)));
            }
        }
        if (!force && !conflicts.isEmpty()) {
            conflicts.sort(Comparator.comparing(Conflict::manager).thenComparing(Conflict::path));
            throw new ApplyConflictException(conflicts);
        }
        managers.replaceAll((name, set) -> name.equals(writer) ? set
                : set.difference(changed).difference(changes.removed()));
        managers.values().removeIf(FieldSet::isEmpty);
        return changes;
    }
}
