package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** kstatus's ReplicaSet rule: the latest spec observed and every replica available. */
final class ReplicaSetHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode set, Function<Related, List<JsonNode>> related) {
        if (!Fields.generationSeen(set)) {
            return Health.inProgress("waiting for the replica set spec update to be observed");
        }
        int replicas = Fields.specReplicas(set);
        int available = Fields.count(set, "status", "availableReplicas");
        if (available < replicas) {
            // A ReplicaFailure (quota, admission) says why pods are missing; it can clear, so it does not fail.
            String failure = Fields.condition(set, "ReplicaFailure")
                    .filter(c -> "True".equals(c.path("status").asText()))
                    .map(c -> ": " + Fields.describe(c)).orElse("");
            return Health.inProgress(available + " of " + replicas + " replicas are available" + failure
                    + PodProblems.of(set, related));
        }
        return Health.ready("all replicas are available");
    }
}
