package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** kubectl's Ingress describer (networking.k8s.io/v1): rules with each backend's endpoints. */
final class IngressDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode ingress, PrefixWriter w) {
        JsonNode metadata = ingress.path("metadata");
        JsonNode spec = ingress.path("spec");
        String namespace = metadata.path("namespace").asText();
        List<JsonNode> events = context.eventsAbout(ingress);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        w.write(0, "Namespace:\t" + namespace + "\n");
        w.write(0, "Address:\t" + address(ingress.path("status").path("loadBalancer").path("ingress")) + "\n");
        w.write(0, "Ingress Class:\t" + (Text.present(spec.path("ingressClassName"))
                ? spec.path("ingressClassName").asText() : "<none>") + "\n");
        String defaultBackend = Text.present(spec.path("defaultBackend"))
                ? backend(context, namespace, spec.path("defaultBackend")) : "<default>";
        w.write(0, "Default backend:\t" + defaultBackend + "\n");
        if (!spec.path("tls").isEmpty()) {
            w.write(0, "TLS:\n");
            for (JsonNode tls : spec.path("tls")) {
                List<String> hosts = new ArrayList<>();
                tls.path("hosts").forEach(h -> hosts.add(h.asText()));
                String secret = Text.str(tls.path("secretName"));
                w.write(1, (secret.isEmpty() ? "SNI routes " : secret + " terminates ") + String.join(",", hosts)
                        + "\n");
            }
        }
        w.write(0, "Rules:\n  Host\tPath\tBackends\n");
        w.write(1, "----\t----\t--------\n");
        int count = 0;
        for (JsonNode rule : spec.path("rules")) {
            if (!Text.present(rule.path("http"))) {
                continue;
            }
            count++;
            String host = Text.str(rule.path("host"));
            w.write(1, (host.isEmpty() ? "*" : host) + "\t\n");
            for (JsonNode path : rule.path("http").path("paths")) {
                w.write(2, "\t" + Text.str(path.path("path")) + " \t" + backend(context, namespace,
                        path.path("backend")) + "\n");
            }
        }
        if (count == 0) {
            w.write(1, "*\t*\t" + defaultBackend + "\n");
        }
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        Sections.events(w, events);
    }

    private static String address(JsonNode ingress) {
        Set<String> addresses = new TreeSet<>();
        for (JsonNode entry : ingress) {
            if (!Text.str(entry.path("ip")).isEmpty()) {
                addresses.add(entry.path("ip").asText());
            } else if (!Text.str(entry.path("hostname")).isEmpty()) {
                addresses.add(entry.path("hostname").asText());
            }
        }
        return String.join(",", addresses);
    }

    /** {@code service:port (endpoints)}, or the resource backend. */
    private static String backend(DescribeContext context, String namespace, JsonNode backend) {
        JsonNode service = backend.path("service");
        if (Text.present(service)) {
            String serviceName = Text.str(service.path("name"));
            long number = service.path("port").path("number").asLong(0);
            String portName = Text.str(service.path("port").path("name"));
            String text = serviceName + ":" + (number != 0 ? String.valueOf(number) : portName);
            JsonNode found;
            List<JsonNode> slices;
            try {
                slices = context.list("/apis/discovery.k8s.io/v1/namespaces/" + namespace + "/endpointslices",
                        "kubernetes.io/service-name=" + serviceName, null);
                found = context.get("/api/v1/namespaces/" + namespace + "/services/" + serviceName);
            } catch (ApiException e) {
                return text + " (<error: " + e.getMessage() + ">)";
            }
            String servicePort = "";
            for (JsonNode port : found.path("spec").path("ports")) {
                if (number != 0 && number == port.path("port").asLong(0)
                        || !portName.isEmpty() && portName.equals(Text.str(port.path("name")))) {
                    servicePort = Text.str(port.path("name"));
                }
            }
            return text + " (" + EndpointSlices.format(slices, servicePort) + ")";
        }
        JsonNode resource = backend.path("resource");
        if (Text.present(resource)) {
            return "APIGroup: " + (Text.present(resource.path("apiGroup")) ? resource.path("apiGroup").asText()
                    : "<none>") + ", Kind: " + Text.str(resource.path("kind")) + ", Name: "
                    + Text.str(resource.path("name"));
        }
        return "";
    }
}
