package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** kubectl rollout status's checks, in its order and close to its words; a missed progress deadline fails. */
final class DeploymentHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode deployment, Function<Related, List<JsonNode>> related) {
        if (!Fields.generationSeen(deployment)) {
            return Health.inProgress("waiting for the deployment spec update to be observed");
        }
        var progressing = Fields.condition(deployment, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().path("reason").asText())) {
            return Health.failed("exceeded its progress deadline: " + Fields.describe(progressing.get()));
        }
        int replicas = Fields.specReplicas(deployment);
        int updated = Fields.count(deployment, "status", "updatedReplicas");
        int current = Fields.count(deployment, "status", "replicas");
        int available = Fields.count(deployment, "status", "availableReplicas");
        if (updated < replicas) {
            return Health.inProgress(updated + " out of " + replicas + " new replicas have been updated"
                    + PodProblems.of(deployment, related));
        }
        if (current > updated) {
            return Health.inProgress((current - updated) + " old replicas are pending termination"
                    + PodProblems.of(deployment, related));
        }
        if (available < updated) {
            return Health.inProgress(available + " of " + updated + " updated replicas are available"
                    + PodProblems.of(deployment, related));
        }
        return Health.ready("successfully rolled out");
    }
}
