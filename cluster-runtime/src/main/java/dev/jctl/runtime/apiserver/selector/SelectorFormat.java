package dev.jctl.runtime.apiserver.selector;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A LabelSelector (matchLabels + matchExpressions) or a plain label map in {@code labelSelector=} syntax. */
public final class SelectorFormat {
    private SelectorFormat() {
    }

    /** The selector as metav1.FormatLabelSelector writes it, or "" when it selects by nothing. */
    public static String format(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return "";
        }
        boolean structured = selector.has("matchLabels") || selector.has("matchExpressions");
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (structured ? selector.path("matchLabels") : selector).properties()) {
            terms.add(e.getKey() + "=" + e.getValue().asText());
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            String key = expr.path("key").asText();
            switch (expr.path("operator").asText()) {
                case "In" -> terms.add(key + " in (" + String.join(",", values) + ")");
                case "NotIn" -> terms.add(key + " notin (" + String.join(",", values) + ")");
                case "Exists" -> terms.add(key);
                case "DoesNotExist" -> terms.add("!" + key);
                default -> {
                }
            }
        }
        return String.join(",", terms);
    }
}
