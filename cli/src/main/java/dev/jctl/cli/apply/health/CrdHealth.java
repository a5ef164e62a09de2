package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** kstatus's CRD rule: Established, unless its names were refused, which only a changed manifest fixes. */
final class CrdHealth implements HealthRule {
    @Override
    public Health evaluate(JsonNode crd, Function<Related, List<JsonNode>> related) {
        var names = Fields.condition(crd, "NamesAccepted").filter(c -> "False".equals(c.path("status").asText()));
        if (names.isPresent()) {
            return Health.failed("names not accepted: " + Fields.describe(names.get()));
        }
        return Fields.conditionTrue(crd, "Established") ? Health.ready("established")
                : Health.inProgress("not yet established");
    }
}
