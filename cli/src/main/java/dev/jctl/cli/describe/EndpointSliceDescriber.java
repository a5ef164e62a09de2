package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kubectl's EndpointSlice describer: the ports, then each endpoint with its readiness and placement. */
final class EndpointSliceDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode slice, PrefixWriter w) {
        JsonNode metadata = slice.path("metadata");
        List<JsonNode> events = context.eventsAbout(slice);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "AddressType:\t" + Text.str(slice.path("addressType")) + "\n");
        if (slice.path("ports").isEmpty()) {
            w.write(0, "Ports: <unset>\n");
        } else {
            w.write(0, "Ports:\n");
            w.write(1, "Name\tPort\tProtocol\n");
            w.write(1, "----\t----\t--------\n");
            for (JsonNode port : slice.path("ports")) {
                String name = Text.str(port.path("name"));
                w.write(1, (name.isEmpty() ? "<unset>" : name) + "\t" + orUnset(port.path("port")) + "\t"
                        + Text.str(port.path("protocol")) + "\n");
            }
        }
        if (slice.path("endpoints").isEmpty()) {
            w.write(0, "Endpoints: <none>\n");
        } else {
            w.write(0, "Endpoints:\n");
            for (JsonNode endpoint : slice.path("endpoints")) {
                List<String> addresses = new ArrayList<>();
                endpoint.path("addresses").forEach(a -> addresses.add(a.asText()));
                w.write(1, "- Addresses:\t" + Text.orNone(String.join(", ", addresses)) + "\n");
                w.write(2, "Conditions:\n");
                w.write(3, "Ready:\t" + orUnset(endpoint.path("conditions").path("ready")) + "\n");
                w.write(2, "Hostname:\t" + orUnset(endpoint.path("hostname")) + "\n");
                JsonNode target = endpoint.path("targetRef");
                if (Text.present(target)) {
                    w.write(2, "TargetRef:\t" + Text.str(target.path("kind")) + "/" + Text.str(target.path("name"))
                            + "\n");
                }
                w.write(2, "NodeName:\t" + orUnset(endpoint.path("nodeName")) + "\n");
                w.write(2, "Zone:\t" + orUnset(endpoint.path("zone")) + "\n");
            }
        }
        Sections.events(w, events);
    }

    private static String orUnset(JsonNode value) {
        return Text.present(value) ? value.asText() : "<unset>";
    }
}
