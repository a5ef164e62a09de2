package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** metav1.LabelSelector semantics over JSON, for checking a workload's selector against its template. */
final class LabelSelectors {
    private LabelSelectors() {
    }

    /** No matchLabels and no matchExpressions: selects everything (and some kinds refuse it). */
    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }

    /** Whether {@code selector} selects an object labelled {@code labels}; a missing selector selects nothing. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isNull()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode requirement : selector.path("matchExpressions")) {
            if (!satisfies(requirement, labels.get(requirement.path("key").asText()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfies(JsonNode requirement, JsonNode value) {
        boolean in = false;
        for (JsonNode v : requirement.path("values")) {
            in |= value != null && v.asText().equals(value.asText());
        }
        return switch (requirement.path("operator").asText()) {
            case "In" -> in;
            case "NotIn" -> !in;
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
