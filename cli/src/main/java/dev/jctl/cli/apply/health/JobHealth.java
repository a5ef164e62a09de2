package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** A Job is healthy once Complete; Failed is final (the controller does not retry past it), so it fails at once. */
final class JobHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode job, Function<Related, List<JsonNode>> related) {
        var failed = Fields.condition(job, "Failed").filter(c -> "True".equals(c.path("status").asText()));
        if (failed.isPresent()) {
            return Health.failed(Fields.describe(failed.get()));
        }
        if (Fields.conditionTrue(job, "Complete")) {
            return Health.ready("complete");
        }
        int parallelism = job.path("spec").path("parallelism").asInt(1);
        int completions = job.path("spec").path("completions").asInt(parallelism);
        return Health.inProgress(Fields.count(job, "status", "succeeded") + " of " + completions
                + " completions succeeded, " + Fields.count(job, "status", "active") + " active"
                        + PodProblems.of(job, related));
    }
}
