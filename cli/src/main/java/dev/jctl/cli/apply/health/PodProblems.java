package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Why a workload's pods do not come up, when one of them says so (a crash loop, an image that cannot be pulled):
 * the reason a timed-out rollout most needs. It does not fail the workload, whose controller may yet replace the
 * pod; it only explains the wait.
 */
final class PodProblems {
    private static final PodHealth POD = new PodHealth();

    private PodProblems() {
    }

    /** {@code "; pod web-1a2b: container app: CrashLoopBackOff: ..."} for the first stuck pod, else "". */
    static String of(JsonNode workload, Function<Related, List<JsonNode>> related) {
        String selector = labelSelector(workload.path("spec").path("selector"));
        if (selector.isEmpty()) {
            return "";
        }
        Related pods = new Related("v1", "Pod", workload.path("metadata").path("namespace").asText(), null, selector);
        for (JsonNode pod : related.apply(pods)) {
            Health health = POD.evaluate(pod, r -> List.of());
            if (health.state() == Health.State.FAILED) {
                return "; pod " + pod.path("metadata").path("name").asText() + ": " + health.message();
            }
        }
        return "";
    }

    /** A LabelSelector object in the query syntax; "" when it selects nothing it can name. */
    static String labelSelector(JsonNode selector) {
        List<String> terms = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            terms.add(label.getKey() + "=" + label.getValue().asText());
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            switch (expression.path("operator").asText()) {
                case "In" -> terms.add(key + " in (" + String.join(",", values) + ")");
                case "NotIn" -> terms.add(key + " notin (" + String.join(",", values) + ")");
                case "Exists" -> terms.add(key);
                case "DoesNotExist" -> terms.add("!" + key);
                default -> {
                    // An operator this client does not know: better no explanation than pods of another workload.
                    return "";
                }
            }
        }
        return String.join(",", terms);
    }
}
