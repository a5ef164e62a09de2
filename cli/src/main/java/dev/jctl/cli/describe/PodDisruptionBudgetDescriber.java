package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** kubectl's PodDisruptionBudget describer: the budget, the selector and the disruption counts. */
final class PodDisruptionBudgetDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode pdb, PrefixWriter w) {
        JsonNode metadata = pdb.path("metadata");
        JsonNode spec = pdb.path("spec");
        JsonNode status = pdb.path("status");
        List<JsonNode> events = context.eventsAbout(pdb);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        if (Text.present(spec.path("minAvailable"))) {
            w.write(0, "Min available:\t" + Text.intOrString(spec.path("minAvailable")) + "\n");
        } else if (Text.present(spec.path("maxUnavailable"))) {
            w.write(0, "Max unavailable:\t" + Text.intOrString(spec.path("maxUnavailable")) + "\n");
        }
        w.write(0, "Selector:\t" + (Text.present(spec.path("selector"))
                ? Text.formatSelector(spec.path("selector")) : "<unset>") + "\n");
        w.write(0, "Status:\n");
        w.write(2, "Allowed disruptions:\t" + status.path("disruptionsAllowed").asLong(0) + "\n");
        w.write(2, "Current:\t" + status.path("currentHealthy").asLong(0) + "\n");
        w.write(2, "Desired:\t" + status.path("desiredHealthy").asLong(0) + "\n");
        w.write(2, "Total:\t" + status.path("expectedPods").asLong(0) + "\n");
        Sections.events(w, events);
    }
}
