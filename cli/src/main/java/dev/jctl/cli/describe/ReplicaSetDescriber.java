package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;

/**
 * kubectl's ReplicaSet describer, with the phases of the pods it owns; also its ReplicationController describer,
 * which differs only in the selector (a plain label map) and in not showing the controller.
 */
final class ReplicaSetDescriber implements KindDescriber {
    private final boolean replicationController;

    ReplicaSetDescriber(boolean replicationController) {
        this.replicationController = replicationController;
    }

    @Override
    public void describe(DescribeContext context, JsonNode rs, PrefixWriter w) {
        JsonNode metadata = rs.path("metadata");
        JsonNode spec = rs.path("spec");
        JsonNode selector = replicationController
                ? Connection.JSON.createObjectNode().set("matchLabels", spec.path("selector")) : spec.path("selector");
        String podsStatus;
        try {
            podsStatus = ControllerPods.of(context, rs, Text.selector(selector)).toString();
        } catch (ApiException e) {
            podsStatus = "error in fetching pods: " + e.getMessage();
        }
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        w.write(0, "Selector:\t" + Text.formatSelector(selector) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        String controller = Text.controller(rs);
        if (!replicationController && !controller.isEmpty()) {
            w.write(0, "Controlled By:\t" + controller + "\n");
        }
        w.write(0, "Replicas:\t" + rs.path("status").path("replicas").asLong(0) + " current / "
                + spec.path("replicas").asLong(1) + " desired\n");
        w.write(0, "Pods Status:\t" + podsStatus + "\n");
        PodSections.podTemplate(w, spec.path("template"));
        Sections.typeStatusReasonConditions(w, rs.path("status").path("conditions"));
        Sections.events(w, context.eventsAbout(rs));
    }
}
