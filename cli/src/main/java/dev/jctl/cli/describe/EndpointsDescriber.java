package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kubectl's Endpoints describer: the ready and not-ready addresses and the ports of each subset. */
final class EndpointsDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode endpoints, PrefixWriter w) {
        JsonNode metadata = endpoints.path("metadata");
        List<JsonNode> events = context.eventsAbout(endpoints);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Subsets:\n");
        for (JsonNode subset : endpoints.path("subsets")) {
            w.write(1, "Addresses:\t" + ips(subset.path("addresses")) + "\n");
            w.write(1, "NotReadyAddresses:\t" + ips(subset.path("notReadyAddresses")) + "\n");
            if (!subset.path("ports").isEmpty()) {
                w.write(1, "Ports:\n");
                w.write(2, "Name\tPort\tProtocol\n");
                w.write(2, "----\t----\t--------\n");
                for (JsonNode port : subset.path("ports")) {
                    String name = Text.str(port.path("name"));
                    w.write(2, (name.isEmpty() ? "<unset>" : name) + "\t" + port.path("port").asLong(0) + "\t"
                            + Text.str(port.path("protocol")) + "\n");
                }
            }
            w.write(0, "\n");
        }
        Sections.events(w, events);
    }

    private static String ips(JsonNode addresses) {
        List<String> ips = new ArrayList<>();
        addresses.forEach(a -> ips.add(Text.str(a.path("ip"))));
        return Text.orNone(String.join(",", ips));
    }
}
