package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** A PersistentVolumeClaim is healthy once Bound; Lost (its volume is gone) does not come back by itself. */
final class ClaimHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode claim, Function<Related, List<JsonNode>> related) {
        String phase = claim.path("status").path("phase").asText("Pending");
        return switch (phase) {
            case "Bound" -> Health.ready("bound");
            case "Lost" -> Health.failed("its volume is lost");
            default -> Health.inProgress("phase " + phase + ", not bound");
        };
    }
}
