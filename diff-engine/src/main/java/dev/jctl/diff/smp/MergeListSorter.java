package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts every merging list of a document into a canonical order: lists of objects by the text of their merge
 * key, lists of scalars deduplicated and by text (apimachinery's {@code sortMergeListsByName}). Merging lists
 * have no significant order, so two documents that differ only in that order become equal. Patch creation uses
 * the same ordering to pair up list items.
 */
public final class MergeListSorter {
    private MergeListSorter() {}

    /** The document with its merging lists sorted; the input is not changed. */
    public static ObjectNode sort(JsonNode document, PatchMeta schema) {
        Object decoded = GoValue.fromJson(document);
        if (decoded != null && !(decoded instanceof Map)) {
            throw Errors.badJsonDoc();
        }
        Map<String, Object> map = decoded == null ? new LinkedHashMap<>() : GoValue.asMap(decoded);
        return (ObjectNode) GoValue.toJson(sortMap(map, schema));
    }

    static Map<String, Object> sortMap(Map<String, Object> s, PatchMeta schema) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : s.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (k.equals(Directives.RETAIN_KEYS)) {
                if (!(v instanceof GoSlice)) {
                    throw Errors.badPatchFormatForRetainKeys();
                }
                v = GoSort.sortScalars((GoSlice) v);
            } else if (k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
                if (!(v instanceof GoSlice)) {
                    throw Errors.badPatchFormatForPrimitiveList();
                }
                v = GoSort.sortScalars((GoSlice) v);
            } else if (k.startsWith(Directives.SET_ELEMENT_ORDER)) {
                if (!(v instanceof GoSlice)) {
                    throw Errors.badPatchFormatForSetElementOrderList();
                }
            } else if (!k.equals(Directives.MARKER)) {
                if (v instanceof Map) {
                    v = sortMap(GoValue.asMap(v), schema.lookupStruct(k).schema());
                } else if (v instanceof GoSlice) {
                    PatchMeta.Field meta = schema.lookupSlice(k);
                    if (Directives.MERGE.equals(Directives.strategy(meta.strategies()).other())) {
                        v = sortArray((GoSlice) v, meta.schema(), meta.mergeKey(), true);
                    }
                }
            }
            sorted.put(k, v);
        }
        return sorted;
    }

    /** sortMergeListsByNameArray; scalar lists are deduplicated and sorted in place. */
    static GoSlice sortArray(GoSlice s, PatchMeta schema, String mergeKey, boolean recurse) {
        if (s.len() == 0) {
            return s;
        }
        if (Lists.sliceElementType(s) != GoValue.Type.MAP) {
            return GoSort.deduplicateAndSortScalars(s);
        }
        GoSlice items = GoSlice.empty();
        for (int i = 0; i < s.len(); i++) {
            Object item = s.get(i);
            items = items.append(recurse ? sortMap(GoValue.asMap(item), schema) : item);
        }
        return GoSort.sortMapsBasedOnField(items, mergeKey);
    }
}
