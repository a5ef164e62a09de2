package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** kubectl rollout status's StatefulSet checks; a partitioned rollout is done once the pods above it are updated. */
final class StatefulSetHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode set, Function<Related, List<JsonNode>> related) {
        JsonNode strategy = set.path("spec").path("updateStrategy");
        if ("OnDelete".equals(strategy.path("type").asText())) {
            // Pods are only replaced when someone deletes them, so there is no rollout to wait for (Helm, kstatus).
            return Health.ready("uses the OnDelete update strategy");
        }
        if (!Fields.generationSeen(set)) {
            return Health.inProgress("waiting for the statefulset spec update to be observed");
        }
        int replicas = Fields.specReplicas(set);
        int ready = Fields.count(set, "status", "readyReplicas");
        if (ready < replicas) {
            return Health.inProgress(ready + " of " + replicas + " pods are ready" + PodProblems.of(set, related));
        }
        int partition = strategy.path("rollingUpdate").path("partition").asInt(0);
        int updated = Fields.count(set, "status", "updatedReplicas");
        if (partition > 0) {
            return updated < replicas - partition
                    ? Health.inProgress(updated + " out of " + (replicas - partition) + " new pods have been updated"
                            + PodProblems.of(set, related))
                    : Health.ready("partitioned roll out complete");
        }
        String updateRevision = set.path("status").path("updateRevision").asText("");
        if (!updateRevision.equals(set.path("status").path("currentRevision").asText(""))) {
            return Health.inProgress("waiting for the rolling update to complete: " + updated + " pods at revision "
                    + updateRevision + PodProblems.of(set, related));
        }
        return Health.ready("rolling update complete");
    }
}
