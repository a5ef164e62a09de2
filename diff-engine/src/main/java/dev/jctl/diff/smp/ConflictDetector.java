package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether two strategic merge patches touch the same field differently (apimachinery's
 * {@code MergingMapsHaveConflicts}). Like upstream, it may deduplicate and sort non-merging scalar lists of its
 * arguments in place.
 */
final class ConflictDetector {
    private ConflictDetector() {}

    static boolean mapsConflict(Map<String, Object> left, Map<String, Object> right, PatchMeta schema) {
        return fieldsConflict(left, right, schema, "", "");
    }

    private static boolean fieldsConflict(Object left, Object right, PatchMeta schema, String strategy,
                                          String mergeKey) {
        if (left instanceof Map) {
            if (!(right instanceof Map)) {
                return true;
            }
            Map<String, Object> l = GoValue.asMap(left);
            Map<String, Object> r = GoValue.asMap(right);
            boolean markerLeft = l.containsKey(Directives.MARKER);
            boolean markerRight = r.containsKey(Directives.MARKER);
            // A directive acts on the whole map, so it conflicts with anything but the same directive.
            if (markerLeft || markerRight) {
                if (markerLeft != markerRight || !GoValue.eq(l.get(Directives.MARKER), r.get(Directives.MARKER))) {
                    return true;
                }
            }
            if (Directives.REPLACE.equals(strategy)) {
                return false;
            }
            return keysConflict(l, r, schema);
        }
        if (left instanceof GoSlice) {
            if (!(right instanceof GoSlice)) {
                return true;
            }
            return slicesConflict((GoSlice) left, (GoSlice) right, schema, strategy, mergeKey);
        }
        return !GoValue.deepEqual(left, right);
    }

    private static boolean keysConflict(Map<String, Object> left, Map<String, Object> right, PatchMeta schema) {
        for (Map.Entry<String, Object> e : left.entrySet()) {
            String key = e.getKey();
            if (key.equals(Directives.MARKER) || key.equals(Directives.RETAIN_KEYS) || !right.containsKey(key)) {
                continue;
            }
            Object leftValue = e.getValue();
            PatchMeta subschema = null;
            String strategy = "";
            String mergeKey = "";
            if (leftValue instanceof GoSlice || leftValue instanceof Map) {
                PatchMeta.Field meta = leftValue instanceof GoSlice ? schema.lookupSlice(key) : schema.lookupStruct(key);
                subschema = meta.schema();
                strategy = Directives.strategy(meta.strategies()).other();
                mergeKey = meta.mergeKey();
            }
            if (fieldsConflict(leftValue, right.get(key), subschema, strategy, mergeKey)) {
                return true;
            }
        }
        return false;
    }

    private static boolean slicesConflict(GoSlice left, GoSlice right, PatchMeta schema, String strategy,
                                          String mergeKey) {
        GoValue.Type kind = Lists.sliceElementType(left, right);
        if (Directives.MERGE.equals(strategy)) {
            // Merging lists of scalars cannot conflict; lists of maps are compared item by merge key.
            if (kind != GoValue.Type.MAP) {
                return false;
            }
            Map<String, Object> leftByKey = byMergeKey(left, mergeKey);
            Map<String, Object> rightByKey = byMergeKey(right, mergeKey);
            for (Map.Entry<String, Object> e : leftByKey.entrySet()) {
                if (rightByKey.containsKey(e.getKey())
                        && fieldsConflict(e.getValue(), rightByKey.get(e.getKey()), schema, "", "")) {
                    return true;
                }
            }
            return false;
        }
        if (left.len() != right.len()) {
            return true;
        }
        GoSlice l = left;
        GoSlice r = right;
        if (kind != GoValue.Type.MAP) {
            l = GoSort.deduplicateAndSortScalars(left);
            r = GoSort.deduplicateAndSortScalars(right);
        }
        for (int i = 0; i < l.len(); i++) {
            // Go would index out of range here; a shorter right-hand list after deduplication differs anyway.
            if (i >= r.len() || fieldsConflict(l.get(i), r.get(i), schema, "", "")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> byMergeKey(GoSlice list, String mergeKey) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < list.len(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map)) {
                throw new PatchException("invalid element type in merging list:" + GoValue.text(list));
            }
            Map<String, Object> m = GoValue.asMap(item);
            if (!m.containsKey(mergeKey)) {
                throw new PatchException("cannot find merge key `" + mergeKey + "` in merging list element:"
                        + GoValue.text(m));
            }
            result.put(GoValue.textS(m.get(mergeKey)), m);
        }
        return result;
    }
}
