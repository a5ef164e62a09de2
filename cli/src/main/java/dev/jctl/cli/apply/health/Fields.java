package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reading status fields as controllers write them: absent counts are zero, conditions are found by type. */
final class Fields {
    private Fields() {
    }

    static int count(JsonNode object, String section, String field) {
        return object.path(section).path(field).asInt(0);
    }

    /** {@code spec.replicas}, which the API server defaults to 1 when the manifest leaves it out. */
    static int specReplicas(JsonNode object) {
        JsonNode replicas = object.path("spec").path("replicas");
        return replicas.isNumber() ? replicas.asInt() : 1;
    }

    static Optional<JsonNode> condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    static boolean conditionTrue(JsonNode object, String type) {
        return condition(object, type).map(c -> "True".equals(c.path("status").asText())).orElse(false);
    }

    /**
     * Whether the workload controller has seen the latest spec, as kubectl rollout status checks it: these
     * controllers always write observedGeneration, so until they do the object is not yet seen.
     */
    static boolean generationSeen(JsonNode object) {
        return object.path("metadata").path("generation").asLong(0)
                <= object.path("status").path("observedGeneration").asLong(0);
    }

    /** Whether the controller has seen the latest spec; kinds whose controller sets no observedGeneration pass. */
    static boolean generationObserved(JsonNode object) {
        JsonNode observed = object.path("status").path("observedGeneration");
        return observed.isMissingNode() || object.path("metadata").path("generation").asLong(0) <= observed.asLong();
    }

    /** {@code message (Reason)}, or whichever of the two is there. */
    static String describe(JsonNode condition) {
        String message = condition.path("message").asText("");
        String reason = condition.path("reason").asText("");
        if (message.isEmpty()) {
            return reason;
        }
        return reason.isEmpty() ? message : message + " (" + reason + ")";
    }
}
