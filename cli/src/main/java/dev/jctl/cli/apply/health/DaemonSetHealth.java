package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** kubectl rollout status's DaemonSet checks: every scheduled pod updated, then available. */
final class DaemonSetHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode set, Function<Related, List<JsonNode>> related) {
        if ("OnDelete".equals(set.path("spec").path("updateStrategy").path("type").asText())) {
            return Health.ready("uses the OnDelete update strategy");
        }
        if (!Fields.generationSeen(set)) {
            return Health.inProgress("waiting for the daemon set spec update to be observed");
        }
        int desired = Fields.count(set, "status", "desiredNumberScheduled");
        int updated = Fields.count(set, "status", "updatedNumberScheduled");
        int available = Fields.count(set, "status", "numberAvailable");
        if (updated < desired) {
            return Health.inProgress(updated + " out of " + desired + " new pods have been updated"
                    + PodProblems.of(set, related));
        }
        if (available < desired) {
            return Health.inProgress(available + " of " + updated + " updated pods are available"
                    + PodProblems.of(set, related));
        }
        return Health.ready("successfully rolled out");
    }
}
