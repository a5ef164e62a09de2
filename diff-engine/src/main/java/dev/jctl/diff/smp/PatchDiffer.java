package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes a strategic merge patch between two documents (apimachinery's {@code diffMaps} and its helpers).
 * Like upstream it may sort the scalar lists of {@code original} in place; callers pass private copies.
 */
final class PatchDiffer {

    /**
     * {@code setElementOrder}: emit {@code $setElementOrder} lists. {@code ignoreChangesAndAdditions} and
     * {@code ignoreDeletions}: compute only deletions, or only additions and changes (three-way patches are
     * built from one of each). {@code buildRetainKeys}: emit {@code $retainKeys} for the map at hand.
     */
    record Options(boolean setElementOrder, boolean ignoreChangesAndAdditions, boolean ignoreDeletions,
                   boolean buildRetainKeys) {
        static final Options TWO_WAY = new Options(true, false, false, false);
        static final Options ADDITIONS_AND_CHANGES = new Options(true, false, true, false);
        static final Options DELETIONS = new Options(true, true, false, false);
        static final Options ALL_CHANGES = new Options(false, false, false, false);

        Options withRetainKeys(boolean retainKeys) {
            return new Options(setElementOrder, ignoreChangesAndAdditions, ignoreDeletions, retainKeys);
        }
    }

    private PatchDiffer() {}

    static Map<String, Object> diffMaps(Map<String, Object> original, Map<String, Object> modified,
                                        PatchMeta schema, Options options) {
        Map<String, Object> patch = new LinkedHashMap<>();
        GoSlice retainKeys = GoSlice.withCapacity(modified.size());
        for (Map.Entry<String, Object> entry : modified.entrySet()) {
            String key = entry.getKey();
            Object modifiedValue = entry.getValue();
            if (options.buildRetainKeys() && modifiedValue != null) {
                retainKeys = retainKeys.append(key);
            }
            if (!original.containsKey(key)) {
                if (!options.ignoreChangesAndAdditions()) {
                    patch.put(key, modifiedValue);
                }
                continue;
            }
            Object originalValue = original.get(key);
            if (key.equals(Directives.MARKER)) {
                if (!(originalValue instanceof String) || !(modifiedValue instanceof String)) {
                    throw new PatchException("invalid value for special key: " + Directives.MARKER);
                }
                if (!originalValue.equals(modifiedValue)) {
                    patch.put(Directives.MARKER, modifiedValue);
                }
                continue;
            }
            if (GoValue.typeOf(originalValue) != GoValue.typeOf(modifiedValue)) {
                if (!options.ignoreChangesAndAdditions()) {
                    patch.put(key, modifiedValue);
                }
                continue;
            }
            if (originalValue instanceof Map) {
                handleMapDiff(key, GoValue.asMap(originalValue), GoValue.asMap(modifiedValue), patch, schema, options);
            } else if (originalValue instanceof GoSlice) {
                handleSliceDiff(key, (GoSlice) originalValue, (GoSlice) modifiedValue, patch, schema, options);
            } else {
                replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
            }
        }

        if (!options.ignoreDeletions()) {
            for (String key : original.keySet()) {
                if (!modified.containsKey(key)) {
                    patch.put(key, null);
                }
            }
        }
        // $retainKeys only when something changes or fields must be cleared.
        if (retainKeys.len() > 0 && (!patch.isEmpty() || hasAdditionalNewField(original, modified))) {
            patch.put(Directives.RETAIN_KEYS, GoSort.sortScalars(retainKeys));
        }
        return patch;
    }

    /** Whether {@code original} has a non-null field that {@code modified} lacks, which $retainKeys must clear. */
    private static boolean hasAdditionalNewField(Map<String, Object> original, Map<String, Object> modified) {
        for (Map.Entry<String, Object> e : original.entrySet()) {
            if (e.getValue() != null && !modified.containsKey(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static void handleMapDiff(String key, Map<String, Object> originalValue, Map<String, Object> modifiedValue,
                                      Map<String, Object> patch, PatchMeta schema, Options options) {
        PatchMeta.Field meta;
        try {
            meta = schema.lookupStruct(key);
        } catch (PatchException e) {
            // Unknown to the schema: fine as long as nothing under it changed.
            if (GoValue.deepEqual(originalValue, modifiedValue)) {
                return;
            }
            throw e;
        }
        Directives.Strategy strategy = Directives.strategy(meta.strategies());
        Options nested = options.withRetainKeys(strategy.retainKeys());
        if (Directives.REPLACE.equals(strategy.other())) {
            if (!options.ignoreChangesAndAdditions()) {
                patch.put(key, modifiedValue);
            }
            return;
        }
        Map<String, Object> patchValue = diffMaps(originalValue, modifiedValue, meta.schema(), nested);
        if (!patchValue.isEmpty()) {
            patch.put(key, patchValue);
        }
    }

    private static void handleSliceDiff(String key, GoSlice originalValue, GoSlice modifiedValue,
                                        Map<String, Object> patch, PatchMeta schema, Options options) {
        PatchMeta.Field meta;
        try {
            meta = schema.lookupSlice(key);
        } catch (PatchException e) {
            if (GoValue.deepEqual(originalValue, modifiedValue)) {
                return;
            }
            throw e;
        }
        Directives.Strategy strategy = Directives.strategy(meta.strategies());
        if (!Directives.MERGE.equals(strategy.other())) {
            replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
            return;
        }
        ListDiff diff = diffLists(originalValue, modifiedValue, meta.schema(), meta.mergeKey(),
                options.withRetainKeys(strategy.retainKeys()));
        if (diff.patch() != null && diff.patch().len() > 0) {
            patch.put(key, diff.patch());
        }
        if (diff.deletions() != null && diff.deletions().len() > 0) {
            patch.put(Directives.DELETE_FROM_PRIMITIVE_LIST + "/" + key, diff.deletions());
        }
        if (diff.setOrder() != null && diff.setOrder().len() > 0) {
            patch.put(Directives.SET_ELEMENT_ORDER + "/" + key, diff.setOrder());
        }
    }

    private static void replaceIfNotEqual(String key, Object original, Object modified, Map<String, Object> patch,
                                          Options options) {
        if (options.ignoreChangesAndAdditions() || GoValue.deepEqual(original, modified)) {
            return;
        }
        patch.put(key, modified);
    }

    /** The patch list, the parallel deletion list (scalars) and the $setElementOrder list; any may be null. */
    private record ListDiff(GoSlice patch, GoSlice deletions, GoSlice setOrder) {}

    private static ListDiff diffLists(GoSlice original, GoSlice modified, PatchMeta schema, String mergeKey,
                                      Options options) {
        if (original.len() == 0) {
            if (modified.len() == 0 || options.ignoreChangesAndAdditions()) {
                return new ListDiff(null, null, null);
            }
            return new ListDiff(modified, null, null);
        }
        GoValue.Type kind = Lists.sliceElementType(original, modified);
        if (kind == GoValue.Type.MAP) {
            Lists.Split changes = diffListsOfMaps(original, modified, schema, mergeKey, options);
            GoSlice patchList = Lists.normalizeSliceOrder(changes.first(), modified, mergeKey, kind);
            boolean orderSame = isOrderSame(original, modified, mergeKey);
            // Deletion directives go at the end of the patch list.
            patchList = patchList.appendAll(changes.second());
            GoSlice setOrder = null;
            if (options.setElementOrder()
                    && ((!options.ignoreChangesAndAdditions() && (patchList.len() > 0 || !orderSame))
                    || (!options.ignoreDeletions() && patchList.len() > 0))) {
                setOrder = GoSlice.withCapacity(modified.len());
                for (int i = 0; i < modified.len(); i++) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put(mergeKey, GoValue.asMap(modified.get(i)).get(mergeKey));
                    setOrder = setOrder.append(item);
                }
            }
            return new ListDiff(patchList, null, setOrder);
        }
        Lists.Split changes = diffListsOfScalars(original, modified, options);
        GoSlice patchList = Lists.normalizeSliceOrder(changes.first(), modified, mergeKey, kind);
        GoSlice deletions = changes.second();
        GoSlice setOrder = null;
        // `original` has been sorted in place by now, so an unchanged but unsorted list still counts as reordered.
        if (options.setElementOrder() && ((!options.ignoreDeletions() && deletions.len() > 0)
                || (!options.ignoreChangesAndAdditions() && !GoValue.deepEqual(original, modified)))) {
            setOrder = modified;
        }
        return new ListDiff(patchList, deletions, setOrder);
    }

    private static boolean isOrderSame(GoSlice original, GoSlice modified, String mergeKey) {
        if (original.len() != modified.len()) {
            return false;
        }
        for (int i = 0; i < modified.len(); i++) {
            if (!Lists.mergeKeyValueEqual(original.get(i), modified.get(i), mergeKey)) {
                return false;
            }
        }
        return true;
    }

    /** diffListsOfScalars: additions and deletions of two scalar lists compared as sorted sets of text. */
    private static Lists.Split diffListsOfScalars(GoSlice original, GoSlice modified, Options options) {
        GoSlice modifiedCopy = GoSlice.of(modified.toList());
        GoSlice originalScalars = GoSort.sortScalars(original);
        GoSlice modifiedScalars = GoSort.sortScalars(modifiedCopy);
        GoSlice additions = GoSlice.empty();
        GoSlice deletions = GoSlice.empty();
        int oi = 0;
        int mi = 0;
        while (oi < originalScalars.len() || mi < modifiedScalars.len()) {
            boolean originalInBounds = oi < originalScalars.len();
            boolean modifiedInBounds = mi < modifiedScalars.len();
            Object originalValue = originalInBounds ? originalScalars.get(oi) : null;
            Object modifiedValue = modifiedInBounds ? modifiedScalars.get(mi) : null;
            int cmp = originalInBounds && modifiedInBounds
                    ? GoValue.compareStrings(GoValue.text(originalValue), GoValue.text(modifiedValue))
                    : 0;
            if (originalInBounds && modifiedInBounds && cmp == 0) {
                oi++;
                mi++;
            } else if (!originalInBounds || cmp > 0) {
                if (!options.ignoreChangesAndAdditions()) {
                    additions = additions.append(modifiedValue);
                }
                mi++;
            } else {
                if (!options.ignoreDeletions()) {
                    deletions = deletions.append(originalValue);
                }
                oi++;
            }
        }
        return new Lists.Split(additions, GoSort.deduplicateScalars(deletions));
    }

    /** diffListsOfMaps: walks both lists sorted by merge key; returns changed/added items and delete directives. */
    private static Lists.Split diffListsOfMaps(GoSlice original, GoSlice modified, PatchMeta schema, String mergeKey,
                                               Options options) {
        GoSlice patch = GoSlice.withCapacity(modified.len());
        GoSlice deletions = GoSlice.withCapacity(original.len());
        GoSlice originalSorted = MergeListSorter.sortArray(original, schema, mergeKey, false);
        GoSlice modifiedSorted = MergeListSorter.sortArray(modified, schema, mergeKey, false);
        int oi = 0;
        int mi = 0;
        while (oi < originalSorted.len() || mi < modifiedSorted.len()) {
            boolean originalInBounds = oi < originalSorted.len();
            boolean modifiedInBounds = mi < modifiedSorted.len();
            Map<String, Object> originalElement = null;
            Map<String, Object> modifiedElement = null;
            String originalText = "";
            String modifiedText = "";
            if (originalInBounds) {
                originalElement = mapWithMergeKey(originalSorted.get(oi), mergeKey);
                originalText = GoValue.text(originalElement.get(mergeKey));
            }
            if (modifiedInBounds) {
                modifiedElement = mapWithMergeKey(modifiedSorted.get(mi), mergeKey);
                modifiedText = GoValue.text(modifiedElement.get(mergeKey));
            }
            int cmp = GoValue.compareStrings(originalText, modifiedText);
            if (originalInBounds && modifiedInBounds && cmp == 0) {
                Map<String, Object> patchValue = diffMaps(originalElement, modifiedElement, schema, options);
                if (!patchValue.isEmpty()) {
                    patchValue.put(mergeKey, modifiedElement.get(mergeKey));
                    patch = patch.append(patchValue);
                }
                oi++;
                mi++;
            } else if (!originalInBounds || (modifiedInBounds && cmp > 0)) {
                if (!options.ignoreChangesAndAdditions()) {
                    patch = patch.append(modifiedElement);
                }
                mi++;
            } else {
                if (!options.ignoreDeletions()) {
                    Map<String, Object> directive = new LinkedHashMap<>();
                    directive.put(Directives.MARKER, Directives.DELETE);
                    directive.put(mergeKey, originalElement.get(mergeKey));
                    deletions = deletions.append(directive);
                }
                oi++;
            }
        }
        return new Lists.Split(patch, deletions);
    }

    private static Map<String, Object> mapWithMergeKey(Object item, String mergeKey) {
        if (!(item instanceof Map)) {
            throw Errors.badArgType(GoValue.Type.MAP, item);
        }
        Map<String, Object> m = GoValue.asMap(item);
        if (!m.containsKey(mergeKey)) {
            throw Errors.noMergeKey(m, mergeKey);
        }
        return m;
    }
}
