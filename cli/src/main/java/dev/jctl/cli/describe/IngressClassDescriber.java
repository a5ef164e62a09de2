package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** kubectl's IngressClass describer: the controller and the parameters reference. */
final class IngressClassDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode ingressClass, PrefixWriter w) {
        JsonNode metadata = ingressClass.path("metadata");
        JsonNode spec = ingressClass.path("spec");
        List<JsonNode> events = context.eventsAbout(ingressClass);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Controller:\t" + Text.str(spec.path("controller")) + "\n");
        JsonNode parameters = spec.path("parameters");
        if (Text.present(parameters)) {
            w.write(0, "Parameters:\n");
            if (Text.present(parameters.path("apiGroup"))) {
                w.write(1, "APIGroup:\t" + parameters.path("apiGroup").asText() + "\n");
            }
            w.write(1, "Kind:\t" + Text.str(parameters.path("kind")) + "\n");
            w.write(1, "Name:\t" + Text.str(parameters.path("name")) + "\n");
        }
        Sections.events(w, events);
    }
}
