package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * apiequality.Semantic.DeepEqual over JSON: an absent field, null, an empty list and an empty map are all the
 * zero value, so a stored object and a request that spell "nothing" differently compare equal.
 */
final class Semantic {
    private Semantic() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (isZero(a) || isZero(b)) {
            return isZero(a) && isZero(b);
        }
        if (a.isObject() && b.isObject()) {
            return covers(a, b) && covers(b, a);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Every field of {@code a} equals the same field of {@code b}. */
    private static boolean covers(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!equal(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty());
    }
}
