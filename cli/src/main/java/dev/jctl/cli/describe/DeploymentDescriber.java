package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** kubectl's Deployment describer, with the old and new ReplicaSets it owns. */
final class DeploymentDescriber implements KindDescriber {
    private static final String HASH_LABEL = "pod-template-hash";

    @Override
    public void describe(DescribeContext context, JsonNode d, PrefixWriter w) {
        JsonNode metadata = d.path("metadata");
        JsonNode spec = d.path("spec");
        JsonNode status = d.path("status");
        List<JsonNode> events = context.eventsAbout(d);
        String selector = Text.selector(spec.path("selector"));
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        w.write(0, "CreationTimestamp:\t" + Text.timestamp(metadata.path("creationTimestamp")) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Selector:\t" + selector + "\n");
        w.write(0, "Replicas:\t" + spec.path("replicas").asLong(1) + " desired | "
                + status.path("updatedReplicas").asLong(0) + " updated | " + status.path("replicas").asLong(0)
                + " total | " + status.path("availableReplicas").asLong(0) + " available | "
                + status.path("unavailableReplicas").asLong(0) + " unavailable\n");
        JsonNode strategy = spec.path("strategy");
        w.write(0, "StrategyType:\t" + Text.str(strategy.path("type")) + "\n");
        w.write(0, "MinReadySeconds:\t" + spec.path("minReadySeconds").asLong(0) + "\n");
        if (Text.present(strategy.path("rollingUpdate"))) {
            JsonNode ru = strategy.path("rollingUpdate");
            w.write(0, "RollingUpdateStrategy:\t" + orNil(ru.path("maxUnavailable")) + " max unavailable, "
                    + orNil(ru.path("maxSurge")) + " max surge\n");
        }
        PodSections.podTemplate(w, spec.path("template"));
        Sections.typeStatusReasonConditions(w, status.path("conditions"));
        List<JsonNode> owned = ownedReplicaSets(context, d, selector);
        if (owned != null) {
            JsonNode newest = newReplicaSet(d, owned);
            List<JsonNode> old = owned.stream().filter(rs -> rs != newest).toList();
            if (!old.isEmpty() || newest != null) {
                w.write(0, "OldReplicaSets:\t" + replicaSets(old) + "\n");
                w.write(0, "NewReplicaSet:\t" + replicaSets(newest == null ? List.of() : List.of(newest)) + "\n");
            }
        }
        Sections.events(w, events);
    }

    private static String orNil(JsonNode intOrString) {
        return Text.present(intOrString) ? Text.intOrString(intOrString) : "<nil>";
    }

    /** The ReplicaSets matching the selector that the Deployment controls, oldest first; null if unreadable. */
    private static List<JsonNode> ownedReplicaSets(DescribeContext context, JsonNode d, String selector) {
        JsonNode metadata = d.path("metadata");
        List<JsonNode> all;
        try {
            all = context.list("/apis/apps/v1/namespaces/" + metadata.path("namespace").asText() + "/replicasets",
                    selector, null);
        } catch (RuntimeException e) {
            return null;
        }
        String uid = metadata.path("uid").asText();
        List<JsonNode> owned = new ArrayList<>();
        for (JsonNode rs : all) {
            if (uid.equals(Text.controllerUid(rs))) {
                owned.add(rs);
            }
        }
        owned.sort(Comparator.comparing((JsonNode rs) -> Text.str(rs.path("metadata").path("creationTimestamp")))
                .thenComparing(rs -> rs.path("metadata").path("name").asText()));
        return owned;
    }

    /** The oldest owned ReplicaSet whose pod template equals the Deployment's, ignoring the hash label. */
    private static JsonNode newReplicaSet(JsonNode d, List<JsonNode> owned) {
        JsonNode template = comparable(d.path("spec").path("template"));
        for (JsonNode rs : owned) {
            if (comparable(rs.path("spec").path("template")).equals(template)) {
                return rs;
            }
        }
        return null;
    }

    /** A template without the hash label, nulls and empty maps or lists (Semantic.DeepEqual ignores those). */
    private static JsonNode comparable(JsonNode template) {
        JsonNode copy = template.deepCopy();
        if (copy.path("metadata").path("labels") instanceof ObjectNode labels) {
            labels.remove(HASH_LABEL);
        }
        return prune(copy);
    }

    private static JsonNode prune(JsonNode node) {
        if (node.isObject()) {
            Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                JsonNode value = prune(fields.next().getValue());
                if (value.isNull() || value.isContainerNode() && value.isEmpty()) {
                    fields.remove();
                }
            }
        } else if (node.isArray()) {
            node.forEach(DeploymentDescriber::prune);
        }
        return node;
    }

    private static String replicaSets(List<JsonNode> replicaSets) {
        List<String> texts = new ArrayList<>();
        for (JsonNode rs : replicaSets) {
            texts.add(rs.path("metadata").path("name").asText() + " (" + rs.path("status").path("replicas").asLong(0)
                    + "/" + rs.path("spec").path("replicas").asLong(1) + " replicas created)");
        }
        return texts.isEmpty() ? "<none>" : String.join(", ", texts);
    }
}
