package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * Any other kind, by kstatus's generic conventions: a {@code Ready} condition when the object has one (after its
 * controller observed the latest generation), {@code Stalled=True} as failure; without either it has no readiness
 * to wait for.
 */
final class ConditionHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode object, Function<Related, List<JsonNode>> related) {
        var stalled = Fields.condition(object, "Stalled").filter(c -> "True".equals(c.path("status").asText()));
        if (stalled.isPresent()) {
            return Health.failed("stalled: " + Fields.describe(stalled.get()));
        }
        var ready = Fields.condition(object, "Ready");
        if (ready.isEmpty()) {
            return Health.untracked();
        }
        if (!Fields.generationObserved(object)) {
            return Health.inProgress("waiting for the spec update to be observed");
        }
        if ("True".equals(ready.get().path("status").asText())) {
            return Health.ready("ready");
        }
        String why = Fields.describe(ready.get());
        return Health.inProgress("not ready" + (why.isEmpty() ? "" : ": " + why));
    }
}
