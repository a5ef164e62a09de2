package dev.jctl.diff.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jctl.diff.json.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl diff's Masker (pkg/cmd/diff): every Secret value becomes {@code ***}, except a key present on both
 * sides with different values, which becomes {@code *** (before)} and {@code *** (after)} so the diff still
 * shows that it changed, but not to what. kubectl masks {@code data}; {@code stringData} gets the same treatment
 * here because it carries the same secrets in clear text.
 */
final class SecretMasker {
    static final String MASK = "***";
    static final String MASK_BEFORE = "*** (before)";
    static final String MASK_AFTER = "*** (after)";

    private SecretMasker() {
    }

    /** Masks in place; either object may be null. */
    static void mask(ObjectNode before, ObjectNode after) {
        for (String field : List.of("data", "stringData")) {
            maskField(values(before, field), values(after, field));
        }
    }

    private static ObjectNode values(ObjectNode secret, String field) {
        return secret != null && secret.get(field) instanceof ObjectNode values ? values : null;
    }

    private static void maskField(ObjectNode from, ObjectNode to) {
        if (from != null) {
            for (String key : keys(from)) {
                JsonNode other = to == null ? null : to.get(key);
                if (other != null && !JsonValues.equal(from.get(key), other)) {
                    from.set(key, TextNode.valueOf(MASK_BEFORE));
                    to.set(key, TextNode.valueOf(MASK_AFTER));
                    continue;
                }
                if (other != null) {
                    to.set(key, TextNode.valueOf(MASK));
                }
                from.set(key, TextNode.valueOf(MASK));
            }
        }
        if (to != null) {
            for (String key : keys(to)) {
                if (from == null || !from.has(key)) {
                    to.set(key, TextNode.valueOf(MASK));
                }
            }
        }
    }

    private static List<String> keys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
