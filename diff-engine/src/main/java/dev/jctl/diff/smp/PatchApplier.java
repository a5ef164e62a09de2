package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a strategic merge patch into a document (apimachinery's {@code mergeMap} and its helpers). Like
 * upstream it works in place on both arguments, so callers hand it private copies.
 */
final class PatchApplier {

    /**
     * {@code mergeParallelList}: apply the parallel directives ({@code $deleteFromPrimitiveList},
     * {@code $setElementOrder}, {@code $retainKeys}) instead of carrying them over, as when merging two patches.
     * {@code ignoreUnmatchedNulls}: drop nulls that delete nothing instead of keeping them.
     */
    record Options(boolean mergeParallelList, boolean ignoreUnmatchedNulls) {
        static final Options APPLY = new Options(true, true);
        static final Options MERGE_PATCHES = new Options(false, false);
    }

    private PatchApplier() {}

    static Map<String, Object> mergeMap(Map<String, Object> original, Map<String, Object> patch, PatchMeta schema,
                                        Options options) {
        if (patch.containsKey(Directives.MARKER)) {
            return handleDirective(patch.get(Directives.MARKER), patch);
        }
        Map<String, Object> result = original == null ? new LinkedHashMap<>() : original;
        applyRetainKeysDirective(result, patch, options);
        mergePatchIntoOriginal(result, patch, schema, options);

        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String k = entry.getKey();
            Object patchV = entry.getValue();
            boolean isDeleteList = false;
            if (k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
                if (!options.mergeParallelList()) {
                    result.put(k, patchV);
                    continue;
                }
                k = Directives.extractKey(k, Directives.DELETE_FROM_PRIMITIVE_LIST);
                isDeleteList = true;
            }

            if (patchV == null) {
                result.remove(k);
                if (options.ignoreUnmatchedNulls()) {
                    continue;
                }
            }

            if (!result.containsKey(k)) {
                if (!isDeleteList) {
                    takePatchValue(result, k, patchV, options);
                }
                continue;
            }

            Object originalV = result.get(k);
            if (GoValue.typeOf(originalV) != GoValue.typeOf(patchV)) {
                if (!isDeleteList) {
                    takePatchValue(result, k, patchV, options);
                }
                continue;
            }
            if (originalV instanceof Map) {
                PatchMeta.Field meta = schema.lookupStruct(k);
                String strategy = Directives.strategy(meta.strategies()).other();
                result.put(k, mergeMapHandler(originalV, patchV, meta.schema(), strategy, options));
            } else if (originalV instanceof GoSlice) {
                PatchMeta.Field meta = schema.lookupSlice(k);
                String strategy = Directives.strategy(meta.strategies()).other();
                result.put(k, mergeSliceHandler(originalV, patchV, meta.schema(), strategy, meta.mergeKey(),
                        isDeleteList, options));
            } else {
                Removed r = removeDirectives(patchV);
                if (r.keep()) {
                    result.put(k, r.value());
                } else {
                    result.remove(k);
                }
            }
        }
        return result;
    }

    private static void takePatchValue(Map<String, Object> result, String k, Object patchV, Options options) {
        if (options.ignoreUnmatchedNulls()) {
            discardNullValues(patchV);
        }
        Removed r = removeDirectives(patchV);
        if (r.keep()) {
            result.put(k, r.value());
        } else {
            result.remove(k);
        }
    }

    private static Map<String, Object> handleDirective(Object directive, Map<String, Object> patch) {
        if (Directives.REPLACE.equals(directive)) {
            // The patch object itself becomes the value; nothing of the original survives.
            patch.remove(Directives.MARKER);
            return patch;
        }
        if (Directives.DELETE.equals(directive)) {
            return new LinkedHashMap<>();
        }
        throw Errors.badPatchType(directive, patch);
    }

    private static void applyRetainKeysDirective(Map<String, Object> original, Map<String, Object> patch,
                                                 Options options) {
        if (!patch.containsKey(Directives.RETAIN_KEYS)) {
            return;
        }
        Object retainKeys = patch.remove(Directives.RETAIN_KEYS);
        if (!options.mergeParallelList()) {
            // Merging two patches: both must agree, the result carries the directive on.
            if (original.containsKey(Directives.RETAIN_KEYS)) {
                Object existing = original.get(Directives.RETAIN_KEYS);
                if (!GoValue.deepEqual(existing, retainKeys)) {
                    throw new PatchException(GoValue.text(existing) + " and " + GoValue.text(retainKeys)
                            + " are not deep equal: this may happen when calculating the 3-way diff patch");
                }
            } else {
                original.put(Directives.RETAIN_KEYS, retainKeys);
            }
            return;
        }
        if (!(retainKeys instanceof GoSlice)) {
            throw Errors.badPatchFormatForRetainKeys();
        }
        Set<Object> keep = new HashSet<>(((GoSlice) retainKeys).toList());
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String k = e.getKey();
            if (e.getValue() == null || k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)
                    || k.startsWith(Directives.SET_ELEMENT_ORDER)) {
                continue;
            }
            if (!keep.contains(k)) {
                throw Errors.badPatchFormatForRetainKeys();
            }
        }
        original.keySet().removeIf(k -> !keep.contains(k));
    }

    /**
     * mergePatchIntoOriginal: merges each list that has a {@code $setElementOrder} directive and orders it:
     * $setElementOrder first, then the order in the patch, then the order on the server.
     */
    private static void mergePatchIntoOriginal(Map<String, Object> original, Map<String, Object> patch,
                                               PatchMeta schema, Options options) {
        // Go deletes from the map it ranges over; entries removed before they are reached are not visited.
        List<String> keys = new ArrayList<>(patch.keySet());
        for (String key : keys) {
            if (!key.startsWith(Directives.SET_ELEMENT_ORDER) || !patch.containsKey(key)) {
                continue;
            }
            Object setElementOrder = patch.get(key);
            if (!options.mergeParallelList()) {
                if (original.containsKey(key)) {
                    if (!GoValue.deepEqual(original.get(key), setElementOrder)) {
                        throw Errors.badPatchFormatForSetElementOrderList();
                    }
                } else {
                    original.put(key, setElementOrder);
                }
            }
            patch.remove(key);

            if (!(setElementOrder instanceof GoSlice)) {
                throw Errors.badArgType(GoValue.Type.SLICE, setElementOrder);
            }
            GoSlice order = (GoSlice) setElementOrder;
            String originalKey = Directives.extractKey(key, Directives.SET_ELEMENT_ORDER);
            boolean foundOriginal = original.containsKey(originalKey);
            boolean foundPatch = patch.containsKey(originalKey);
            Object originalList = original.get(originalKey);
            Object patchList = patch.get(originalKey);
            GoSlice originalValue = null;
            GoSlice patchValue = null;
            if (foundOriginal) {
                if (!(originalList instanceof GoSlice)) {
                    throw Errors.badArgType(GoValue.Type.SLICE, originalList);
                }
                originalValue = (GoSlice) originalList;
            }
            if (foundPatch) {
                if (!(patchList instanceof GoSlice)) {
                    throw Errors.badArgType(GoValue.Type.SLICE, patchList);
                }
                patchValue = (GoSlice) patchList;
            }
            PatchMeta.Field meta = schema.lookupSlice(originalKey);
            String strategy = Directives.strategy(meta.strategies()).other();
            String mergeKey = meta.mergeKey();
            validatePatchWithSetOrderList(patchValue, order, mergeKey);

            GoSlice merged;
            if (foundOriginal && !foundPatch) {
                merged = originalValue;
            } else if (!foundOriginal && foundPatch) {
                merged = (GoSlice) removeDirectives(patchValue).value();
            } else if (foundOriginal) {
                merged = mergeSliceHandler(originalList, patchList, meta.schema(), strategy, mergeKey, false, options);
            } else {
                continue;
            }

            Lists.Split split = mergeKey.isEmpty()
                    ? Lists.partitionPrimitives(merged, order)
                    : Lists.partitionMaps(merged, order, mergeKey);
            GoValue.Type kind = Lists.sliceElementType(originalValue, patchValue);
            original.put(originalKey, Lists.normalizeElementOrder(split.first(), split.second(), order,
                    originalValue, mergeKey, kind));
            patch.remove(originalKey);
        }
    }

    /**
     * validatePatchWithSetOrderList: the patch list (deletions aside) must follow the relative order of the
     * {@code $setElementOrder} list and be a subset of it.
     */
    private static void validatePatchWithSetOrderList(GoSlice patchList, GoSlice setOrderList, String mergeKey) {
        if (setOrderList.len() == 0 || patchList == null || patchList.len() == 0) {
            return;
        }
        GoSlice nonDelete = mergeKey.isEmpty() ? patchList : Lists.extractToDeleteItems(patchList).first();
        nonDelete = Lists.orEmpty(nonDelete);
        int patchIndex = 0;
        int setOrderIndex = 0;
        while (patchIndex < nonDelete.len() && setOrderIndex < setOrderList.len()) {
            Object item = nonDelete.get(patchIndex);
            if (item instanceof Map && GoValue.asMap(item).containsKey(Directives.MARKER)) {
                patchIndex++;
                continue;
            }
            if (Lists.mergeKeyValueEqual(item, setOrderList.get(setOrderIndex), mergeKey)) {
                patchIndex++;
            }
            setOrderIndex++;
        }
        if (patchIndex < nonDelete.len() && setOrderIndex >= setOrderList.len()) {
            throw new PatchException("The order in patch list:\n" + GoValue.text(patchList) + "\n doesn't match "
                    + Directives.SET_ELEMENT_ORDER + " list:\n" + GoValue.text(setOrderList) + "\n");
        }
    }

    /** The value to store and whether to keep the field at all (an object carrying {@code $patch} is dropped). */
    record Removed(Object value, boolean keep) {}

    /** removeDirectives: strips objects carrying {@code $patch} out of a value taken whole from the patch. */
    static Removed removeDirectives(Object obj) {
        if (obj instanceof Map) {
            Map<String, Object> m = GoValue.asMap(obj);
            if (m.containsKey(Directives.MARKER)) {
                return new Removed(null, false);
            }
            Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Object> e = it.next();
                Removed r = removeDirectives(e.getValue());
                if (r.keep()) {
                    e.setValue(r.value());
                } else {
                    it.remove();
                }
            }
            return new Removed(m, true);
        }
        if (obj instanceof GoSlice) {
            GoSlice s = (GoSlice) obj;
            GoSlice res = GoSlice.empty();
            for (int i = 0; i < s.len(); i++) {
                Removed r = removeDirectives(s.get(i));
                if (r.keep()) {
                    res = res.append(r.value());
                }
            }
            return new Removed(res, true);
        }
        return new Removed(obj, true);
    }

    private static void discardNullValues(Object v) {
        if (v instanceof Map) {
            Iterator<Map.Entry<String, Object>> it = GoValue.asMap(v).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Object> e = it.next();
                if (e.getValue() == null) {
                    it.remove();
                } else {
                    discardNullValues(e.getValue());
                }
            }
        } else if (v instanceof GoSlice) {
            GoSlice s = (GoSlice) v;
            for (int i = 0; i < s.len(); i++) {
                discardNullValues(s.get(i));
            }
        }
    }

    private static Map<String, Object> mergeMapHandler(Object original, Object patch, PatchMeta schema,
                                                       String strategy, Options options) {
        if (!(original instanceof Map)) {
            throw Errors.badArgType(GoValue.Type.MAP, original);
        }
        if (!(patch instanceof Map)) {
            throw Errors.badArgType(GoValue.Type.MAP, patch);
        }
        if (!Directives.REPLACE.equals(strategy)) {
            return mergeMap(GoValue.asMap(original), GoValue.asMap(patch), schema, options);
        }
        return GoValue.asMap(patch);
    }

    private static GoSlice mergeSliceHandler(Object original, Object patch, PatchMeta schema, String strategy,
                                             String mergeKey, boolean isDeleteList, Options options) {
        if (!(original instanceof GoSlice)) {
            throw Errors.badArgType(GoValue.Type.SLICE, original);
        }
        if (!(patch instanceof GoSlice)) {
            throw Errors.badArgType(GoValue.Type.SLICE, patch);
        }
        // Deletion lists apply whatever the field's strategy is.
        if (Directives.MERGE.equals(strategy) || isDeleteList) {
            return mergeSlice((GoSlice) original, (GoSlice) patch, schema, mergeKey, options, isDeleteList);
        }
        return (GoSlice) patch;
    }

    private static GoSlice mergeSlice(GoSlice original, GoSlice patch, PatchMeta schema, String mergeKey,
                                      Options options, boolean isDeleteList) {
        if (original.len() == 0 && patch.len() == 0) {
            return original;
        }
        GoValue.Type kind = Lists.sliceElementType(original, patch);
        GoSlice merged;
        GoSlice base = original;
        GoSlice patchItems = patch;
        if (kind != GoValue.Type.MAP) {
            if (options.mergeParallelList() && isDeleteList) {
                return deleteFromSlice(original, patch);
            }
            merged = GoSort.deduplicateScalars(original.appendAll(patch));
        } else {
            if (mergeKey.isEmpty()) {
                throw new PatchException("cannot merge lists without merge key for " + schema.name());
            }
            Lists.Split special = mergeSliceWithSpecialElements(original, patch, mergeKey);
            base = special.first();
            patchItems = special.second();
            merged = mergeSliceWithoutSpecialElements(base, patchItems, mergeKey, schema, options);
        }
        Lists.Split split = mergeKey.isEmpty()
                ? Lists.partitionPrimitives(merged, patchItems)
                : Lists.partitionMaps(merged, patchItems, mergeKey);
        return Lists.normalizeElementOrder(split.first(), split.second(), patchItems, base, mergeKey, kind);
    }

    /**
     * mergeSliceWithSpecialElements: applies {@code $patch: delete} items to the original and detects
     * {@code $patch: replace}, which makes the remaining patch items the whole list.
     */
    private static Lists.Split mergeSliceWithSpecialElements(GoSlice original, GoSlice patch, String mergeKey) {
        GoSlice plain = GoSlice.empty();
        GoSlice base = original;
        boolean replace = false;
        for (int i = 0; i < patch.len(); i++) {
            Map<String, Object> item = GoValue.asMap(patch.get(i));
            if (!item.containsKey(Directives.MARKER)) {
                plain = plain.append(item);
                continue;
            }
            Object type = item.get(Directives.MARKER);
            if (Directives.DELETE.equals(type)) {
                if (!item.containsKey(mergeKey)) {
                    throw Errors.noMergeKey(item, mergeKey);
                }
                base = deleteMatchingEntries(base, mergeKey, item.get(mergeKey));
            } else if (Directives.REPLACE.equals(type)) {
                replace = true;
            } else if (Directives.MERGE.equals(type)) {
                throw new PatchException("merging lists cannot yet be specified in the patch");
            } else {
                throw Errors.badPatchType(type, item);
            }
        }
        if (replace) {
            return new Lists.Split(plain, null);
        }
        return new Lists.Split(base, plain);
    }

    private static GoSlice deleteMatchingEntries(GoSlice original, String mergeKey, Object mergeValue) {
        GoSlice s = original;
        while (true) {
            int i = Lists.findMapByKeyValue(s, mergeKey, mergeValue);
            if (i < 0) {
                return s;
            }
            // append(s[:i], s[i+1:]...) shifts the shared backing array, as upstream does.
            s = s.slice(0, i).appendAll(s.slice(i + 1, s.len()));
        }
    }

    private static GoSlice mergeSliceWithoutSpecialElements(GoSlice original, GoSlice patch, String mergeKey,
                                                            PatchMeta schema, Options options) {
        GoSlice result = original;
        for (int i = 0; patch != null && i < patch.len(); i++) {
            Map<String, Object> item = GoValue.asMap(patch.get(i));
            if (!item.containsKey(mergeKey)) {
                throw Errors.noMergeKey(item, mergeKey);
            }
            int found = Lists.findMapByKeyValue(result, mergeKey, item.get(mergeKey));
            if (found >= 0) {
                Map<String, Object> originalItem = GoValue.asMap(result.get(found));
                result.set(found, mergeMap(originalItem, item, schema, options));
            } else {
                result = result.append(item);
            }
        }
        return result;
    }

    private static GoSlice deleteFromSlice(GoSlice current, GoSlice toDelete) {
        Set<Object> delete = new HashSet<>(toDelete.toList());
        GoSlice processed = GoSlice.withCapacity(current.len());
        for (int i = 0; i < current.len(); i++) {
            if (!delete.contains(current.get(i))) {
                processed = processed.append(current.get(i));
            }
        }
        return processed;
    }
}
