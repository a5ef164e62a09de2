package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kubectl's Service describer, with the endpoints of each port from the Service's EndpointSlices. */
final class ServiceDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode service, PrefixWriter w) {
        JsonNode metadata = service.path("metadata");
        JsonNode spec = service.path("spec");
        List<JsonNode> slices = EndpointSlices.of(context, metadata.path("namespace").asText(),
                metadata.path("name").asText());
        List<JsonNode> events = context.eventsAbout(service);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Selector:\t" + Text.labels(spec.path("selector")) + "\n");
        w.write(0, "Type:\t" + Text.str(spec.path("type")) + "\n");
        if (Text.present(spec.path("ipFamilyPolicy"))) {
            w.write(0, "IP Family Policy:\t" + spec.path("ipFamilyPolicy").asText() + "\n");
        }
        w.write(0, "IP Families:\t" + Text.orNone(joined(spec.path("ipFamilies"), ",")) + "\n");
        w.write(0, "IP:\t" + Text.str(spec.path("clusterIP")) + "\n");
        w.write(0, "IPs:\t" + Text.orNone(joined(spec.path("clusterIPs"), ",")) + "\n");
        if (!spec.path("externalIPs").isEmpty()) {
            w.write(0, "External IPs:\t" + joined(spec.path("externalIPs"), ",") + "\n");
        }
        if (!Text.str(spec.path("loadBalancerIP")).isEmpty()) {
            w.write(0, "Desired LoadBalancer IP:\t" + spec.path("loadBalancerIP").asText() + "\n");
        }
        if (!Text.str(spec.path("externalName")).isEmpty()) {
            w.write(0, "External Name:\t" + spec.path("externalName").asText() + "\n");
        }
        JsonNode ingress = service.path("status").path("loadBalancer").path("ingress");
        if (!ingress.isEmpty()) {
            w.write(0, "LoadBalancer Ingress:\t" + ingress(ingress) + "\n");
        }
        for (JsonNode port : spec.path("ports")) {
            String name = Text.str(port.path("name"));
            String shown = name.isEmpty() ? "<unset>" : name;
            String protocol = Text.str(port.path("protocol"));
            w.write(0, "Port:\t" + shown + "\t" + port.path("port").asLong(0) + "/" + protocol + "\n");
            w.write(0, "TargetPort:\t" + Text.intOrString(port.path("targetPort")) + "/" + protocol + "\n");
            if (port.path("nodePort").asLong(0) != 0) {
                w.write(0, "NodePort:\t" + shown + "\t" + port.path("nodePort").asLong() + "/" + protocol + "\n");
            }
            w.write(0, "Endpoints:\t" + EndpointSlices.format(slices, name) + "\n");
        }
        w.write(0, "Session Affinity:\t" + Text.str(spec.path("sessionAffinity")) + "\n");
        if (!Text.str(spec.path("externalTrafficPolicy")).isEmpty()) {
            w.write(0, "External Traffic Policy:\t" + spec.path("externalTrafficPolicy").asText() + "\n");
        }
        if (Text.present(spec.path("internalTrafficPolicy"))) {
            w.write(0, "Internal Traffic Policy:\t" + spec.path("internalTrafficPolicy").asText() + "\n");
        }
        if (spec.path("healthCheckNodePort").asLong(0) != 0) {
            w.write(0, "HealthCheck NodePort:\t" + spec.path("healthCheckNodePort").asLong() + "\n");
        }
        if (!spec.path("loadBalancerSourceRanges").isEmpty()) {
            w.write(0, "LoadBalancer Source Ranges:\t" + joined(spec.path("loadBalancerSourceRanges"), ",") + "\n");
        }
        Sections.events(w, events);
    }

    private static String joined(JsonNode array, String separator) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return String.join(separator, items);
    }

    private static String ingress(JsonNode ingress) {
        List<String> items = new ArrayList<>();
        for (JsonNode entry : ingress) {
            String ip = Text.str(entry.path("ip"));
            if (!ip.isEmpty()) {
                items.add(ip + (Text.present(entry.path("ipMode")) ? " (" + entry.path("ipMode").asText() + ")" : ""));
            } else {
                items.add(Text.str(entry.path("hostname")));
            }
        }
        return String.join(", ", items);
    }
}
