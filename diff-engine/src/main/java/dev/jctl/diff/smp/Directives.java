package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.util.List;

/** The patch directive keys and the patch-strategy parsing shared by apply, diff and conflict detection. */
final class Directives {
    static final String MARKER = "$patch";
    static final String DELETE = "delete";
    static final String REPLACE = "replace";
    static final String MERGE = "merge";
    static final String RETAIN_KEYS_STRATEGY = "retainKeys";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    private Directives() {}

    /** A field's strategies split into "has retainKeys" and the one other strategy (extractRetainKeysPatchStrategy). */
    record Strategy(boolean retainKeys, String other) {}

    static Strategy strategy(List<String> strategies) {
        switch (strategies.size()) {
            case 0:
                return new Strategy(false, "");
            case 1:
                String single = strategies.get(0);
                return RETAIN_KEYS_STRATEGY.equals(single) ? new Strategy(true, "") : new Strategy(false, single);
            case 2:
                if (RETAIN_KEYS_STRATEGY.equals(strategies.get(0))) {
                    return new Strategy(true, strategies.get(1));
                }
                if (RETAIN_KEYS_STRATEGY.equals(strategies.get(1))) {
                    return new Strategy(true, strategies.get(0));
                }
                throw unexpected(strategies);
            default:
                throw unexpected(strategies);
        }
    }

    private static PatchException unexpected(List<String> strategies) {
        return new PatchException("unexpected patch strategy: [" + String.join(" ", strategies) + "]");
    }

    /** extractKey: the list name after a {@code $setElementOrder/} or {@code $deleteFromPrimitiveList/} prefix. */
    static String extractKey(String key, String prefix) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            if (prefix.equals(DELETE_FROM_PRIMITIVE_LIST)) {
                throw Errors.badPatchFormatForPrimitiveList();
            }
            throw Errors.badPatchFormatForSetElementOrderList();
        }
        return key.substring(slash + 1);
    }
}
