package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * List helpers of patch.go shared by applying and creating patches: element typing, merge-key lookups, and the
 * ordering rules that decide where patch items and server-only items end up in a merged list.
 */
final class Lists {
    private Lists() {}

    /** Two slices: items to keep first, then the others. */
    record Split(GoSlice first, GoSlice second) {}

    /**
     * sliceElementType: the common type of all elements. Nil elements before the first typed one are
     * skipped, as in Go where {@code reflect.TypeOf(nil)} leaves the running type unset.
     */
    static GoValue.Type sliceElementType(GoSlice... slices) {
        GoValue.Type previous = null;
        for (GoSlice s : slices) {
            if (s == null) {
                continue;
            }
            for (int i = 0; i < s.len(); i++) {
                GoValue.Type current = GoValue.typeOf(s.get(i));
                if (previous == null) {
                    previous = current;
                    if (previous == GoValue.Type.SLICE) {
                        throw Errors.noListOfLists();
                    }
                } else if (previous != current) {
                    throw new PatchException("list element types are not identical: " + sprint(slices));
                }
            }
        }
        if (previous == null) {
            throw new PatchException("no elements in any of the given slices");
        }
        return previous;
    }

    private static String sprint(GoSlice... slices) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < slices.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(slices[i] == null ? "[]" : GoValue.text(slices[i]));
        }
        return sb.append(']').toString();
    }

    static GoSlice orEmpty(GoSlice s) {
        return s == null ? GoSlice.empty() : s;
    }

    /** normalizeElementOrder: orders patch items by patchOrder, server-only items by serverOrder, then interleaves. */
    static GoSlice normalizeElementOrder(GoSlice patch, GoSlice serverOnly, GoSlice patchOrder, GoSlice serverOrder,
                                         String mergeKey, GoValue.Type kind) {
        GoSlice sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
        GoSlice sortedServerOnly = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
        return mergeSortedSlice(sortedServerOnly, sortedPatch, serverOrder, mergeKey, kind);
    }

    /** normalizeSliceOrder: stable sort by first index in {@code order}; deletion directives go last. */
    static GoSlice normalizeSliceOrder(GoSlice toSort, GoSlice order, String mergeKey, GoValue.Type kind) {
        GoSlice sortable = toSort;
        GoSlice toDelete = null;
        if (kind == GoValue.Type.MAP) {
            validateMergeKeyInLists(mergeKey, toSort, order);
            Split split = extractToDeleteItems(toSort);
            sortable = split.first();
            toDelete = split.second();
        }
        sortable = orEmpty(sortable);
        GoSort.sliceStable(sortable, (a, b) -> {
            int ia = index(order, a, mergeKey, kind);
            if (ia >= 0) {
                int ib = index(order, b, mergeKey, kind);
                if (ib >= 0) {
                    return ia < ib;
                }
            }
            return true;
        });
        return sortable.appendAll(toDelete);
    }

    /**
     * mergeSortedSlice: inserts each server-only item ({@code left}) before the first patch item ({@code right})
     * that comes after it in the live list; both keep their relative order.
     */
    static GoSlice mergeSortedSlice(GoSlice left, GoSlice right, GoSlice serverOrder, String mergeKey,
                                    GoValue.Type kind) {
        int size = left.len() + right.len();
        int i = 0;
        int j = 0;
        GoSlice s = GoSlice.withCapacity(size);
        for (int k = 0; k < size; k++) {
            if (i >= left.len() && j < right.len()) {
                s = s.append(right.get(j++));
            } else if (j >= right.len() && i < left.len()) {
                s = s.append(left.get(i++));
            } else {
                int li = index(serverOrder, left.get(i), mergeKey, kind);
                int ri = index(serverOrder, right.get(j), mergeKey, kind);
                if (li >= 0 && ri >= 0 && li < ri) {
                    s = s.append(left.get(i++));
                } else {
                    s = s.append(right.get(j++));
                }
            }
        }
        return s;
    }

    /** index: first position of the item (maps: of its merge key value) in {@code list}, or -1. */
    static int index(GoSlice list, Object value, String mergeKey, GoValue.Type kind) {
        if (list == null) {
            return -1;
        }
        Object wanted = indexValue(value, mergeKey, kind);
        for (int i = 0; i < list.len(); i++) {
            if (GoValue.eq(wanted, indexValue(list.get(i), mergeKey, kind))) {
                return i;
            }
        }
        return -1;
    }

    private static Object indexValue(Object item, String mergeKey, GoValue.Type kind) {
        if (kind == GoValue.Type.MAP) {
            return item instanceof Map ? GoValue.asMap(item).get(mergeKey) : null;
        }
        return item;
    }

    /** extractToDeleteItems: splits maps into those without and those with {@code $patch: delete}. */
    static Split extractToDeleteItems(GoSlice list) {
        GoSlice nonDelete = null;
        GoSlice toDelete = null;
        for (int i = 0; list != null && i < list.len(); i++) {
            Object v = list.get(i);
            if (!(v instanceof Map)) {
                throw Errors.badArgType(GoValue.Type.MAP, v);
            }
            Map<String, Object> m = GoValue.asMap(v);
            if (m.containsKey(Directives.MARKER) && Directives.DELETE.equals(m.get(Directives.MARKER))) {
                toDelete = orEmpty(toDelete).append(v);
            } else {
                nonDelete = orEmpty(nonDelete).append(v);
            }
        }
        return new Split(nonDelete, toDelete);
    }

    static void validateMergeKeyInLists(String mergeKey, GoSlice... lists) {
        for (GoSlice list : lists) {
            for (int i = 0; list != null && i < list.len(); i++) {
                Object item = list.get(i);
                if (!(item instanceof Map)) {
                    throw Errors.badArgType(GoValue.Type.MAP, item);
                }
                if (!GoValue.asMap(item).containsKey(mergeKey)) {
                    throw Errors.noMergeKey(GoValue.asMap(item), mergeKey);
                }
            }
        }
    }

    /** partitionPrimitivesByPresentInList. */
    static Split partitionPrimitives(GoSlice original, GoSlice partitionBy) {
        GoSlice patch = GoSlice.withCapacity(original.len());
        GoSlice serverOnly = GoSlice.withCapacity(original.len());
        Set<Object> inPatch = new HashSet<>();
        for (int i = 0; partitionBy != null && i < partitionBy.len(); i++) {
            inPatch.add(partitionBy.get(i));
        }
        for (int i = 0; i < original.len(); i++) {
            Object v = original.get(i);
            if (inPatch.contains(v)) {
                patch = patch.append(v);
            } else {
                serverOnly = serverOnly.append(v);
            }
        }
        return new Split(patch, serverOnly);
    }

    /** partitionMapsByPresentInList. */
    static Split partitionMaps(GoSlice original, GoSlice partitionBy, String mergeKey) {
        GoSlice patch = GoSlice.withCapacity(original.len());
        GoSlice serverOnly = GoSlice.withCapacity(original.len());
        for (int i = 0; i < original.len(); i++) {
            Object v = original.get(i);
            if (!(v instanceof Map)) {
                throw Errors.badArgType(GoValue.Type.MAP, v);
            }
            Map<String, Object> m = GoValue.asMap(v);
            if (!m.containsKey(mergeKey)) {
                throw Errors.noMergeKey(m, mergeKey);
            }
            if (findMapByKeyValue(partitionBy, mergeKey, m.get(mergeKey)) >= 0) {
                patch = patch.append(v);
            } else {
                serverOnly = serverOnly.append(v);
            }
        }
        return new Split(patch, serverOnly);
    }

    /** findMapInSliceBasedOnKeyValue: index of the first map whose {@code key} equals {@code value}, or -1. */
    static int findMapByKeyValue(GoSlice list, String key, Object value) {
        for (int i = 0; list != null && i < list.len(); i++) {
            Object v = list.get(i);
            if (!(v instanceof Map)) {
                throw new PatchException("value for key " + i + " is not a map");
            }
            Map<String, Object> m = GoValue.asMap(v);
            if (m.containsKey(key) && GoValue.eq(m.get(key), value)) {
                return i;
            }
        }
        return -1;
    }

    /** mergeKeyValueEqual: scalars compare directly, maps by their merge key values. */
    static boolean mergeKeyValueEqual(Object left, Object right, String mergeKey) {
        if (mergeKey.isEmpty()) {
            return GoValue.eq(left, right);
        }
        if (!(left instanceof Map)) {
            throw Errors.badArgType(GoValue.Type.MAP, left);
        }
        if (!(right instanceof Map)) {
            throw Errors.badArgType(GoValue.Type.MAP, right);
        }
        Map<String, Object> l = GoValue.asMap(left);
        Map<String, Object> r = GoValue.asMap(right);
        if (!l.containsKey(mergeKey)) {
            throw Errors.noMergeKey(l, mergeKey);
        }
        if (!r.containsKey(mergeKey)) {
            throw Errors.noMergeKey(r, mergeKey);
        }
        return GoValue.eq(l.get(mergeKey), r.get(mergeKey));
    }
}
