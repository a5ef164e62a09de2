package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** kubectl's NetworkPolicy describer: the selected pods and the ingress and egress rules, in words. */
final class NetworkPolicyDescriber implements KindDescriber {
    /** Go's {@code time.Time.String()} of a whole-second time, which {@code Created on} shows. */
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z",
            Locale.US);
    private static final String INDENT = "    ";

    @Override
    public void describe(DescribeContext context, JsonNode policy, PrefixWriter w) {
        JsonNode metadata = policy.path("metadata");
        JsonNode spec = policy.path("spec");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        w.write(0, "Created on:\t" + GO_TIME.format(Instant.parse(metadata.path("creationTimestamp").asText())
                .atZone(ZoneId.systemDefault())) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Spec:\n");
        w.write(1, "PodSelector: ");
        String podSelector = Text.selector(spec.path("podSelector"));
        w.write(2, (podSelector.isEmpty() ? "<none> (Allowing the specific traffic to all pods in this namespace)"
                : podSelector) + "\n");
        List<String> types = new ArrayList<>();
        spec.path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.contains("Ingress")) {
            w.write(1, "Allowing ingress traffic:\n");
            rules(w, spec.path("ingress"), "from", "From", "source", "ingress");
        } else {
            w.write(1, "Not affecting ingress traffic\n");
        }
        if (types.contains("Egress")) {
            w.write(1, "Allowing egress traffic:\n");
            rules(w, spec.path("egress"), "to", "To", "destination", "egress");
        } else {
            w.write(1, "Not affecting egress traffic\n");
        }
        w.write(1, "Policy Types: " + Text.orNone(String.join(", ", types)) + "\n");
    }

    /** Ingress rules (peers under {@code from}) or egress rules (under {@code to}), separated by dashes. */
    private static void rules(PrefixWriter w, JsonNode rules, String peersField, String peersTitle, String side,
                              String direction) {
        if (rules.isEmpty()) {
            w.write(0, INDENT + "<none> (Selected pods are isolated for " + direction + " connectivity)\n");
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            if (rule.path("ports").isEmpty()) {
                w.write(0, INDENT + "To Port: <any> (traffic allowed to all ports)\n");
            }
            for (JsonNode port : rule.path("ports")) {
                String protocol = Text.present(port.path("protocol")) ? port.path("protocol").asText() : "TCP";
                String number = Text.present(port.path("port")) ? Text.intOrString(port.path("port")) : "<nil>";
                if (Text.present(port.path("endPort"))) {
                    w.write(0, INDENT + "To Port Range: " + number + "-" + port.path("endPort").asLong() + "/"
                            + protocol + "\n");
                } else {
                    w.write(0, INDENT + "To Port: " + number + "/" + protocol + "\n");
                }
            }
            JsonNode peers = rule.path(peersField);
            if (peers.isEmpty()) {
                w.write(0, INDENT + peersTitle + ": <any> (traffic not restricted by " + side + ")\n");
            }
            for (JsonNode peer : peers) {
                peer(w, peer, peersTitle);
            }
            if (i != rules.size() - 1) {
                w.write(0, INDENT + "----------\n");
            }
        }
    }

    private static void peer(PrefixWriter w, JsonNode peer, String title) {
        w.write(0, INDENT + title + ":\n");
        JsonNode pods = peer.path("podSelector");
        JsonNode namespaces = peer.path("namespaceSelector");
        if (Text.present(namespaces)) {
            w.write(1, INDENT + "NamespaceSelector: " + Text.formatSelector(namespaces) + "\n");
        }
        if (Text.present(pods)) {
            w.write(1, INDENT + "PodSelector: " + Text.formatSelector(pods) + "\n");
        }
        if (!Text.present(pods) && !Text.present(namespaces) && Text.present(peer.path("ipBlock"))) {
            JsonNode block = peer.path("ipBlock");
            List<String> except = new ArrayList<>();
            block.path("except").forEach(e -> except.add(e.asText()));
            w.write(1, INDENT + "IPBlock:\n");
            w.write(2, INDENT + "CIDR: " + Text.str(block.path("cidr")) + "\n");
            w.write(2, INDENT + "Except: " + String.join(", ", except) + "\n");
        }
    }
}
