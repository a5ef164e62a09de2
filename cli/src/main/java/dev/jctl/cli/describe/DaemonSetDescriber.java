package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** kubectl's DaemonSet describer. */
final class DaemonSetDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode ds, PrefixWriter w) {
        JsonNode metadata = ds.path("metadata");
        JsonNode spec = ds.path("spec");
        JsonNode status = ds.path("status");
        String selector = Text.selector(spec.path("selector"));
        ControllerPods pods = ControllerPods.of(context, ds, selector);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Selector:\t" + selector + "\n");
        w.write(0, "Node-Selector:\t" + Text.labels(spec.path("template").path("spec").path("nodeSelector")) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Desired Number of Nodes Scheduled: " + status.path("desiredNumberScheduled").asLong(0) + "\n");
        w.write(0, "Current Number of Nodes Scheduled: " + status.path("currentNumberScheduled").asLong(0) + "\n");
        w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: " + status.path("updatedNumberScheduled").asLong(0)
                + "\n");
        w.write(0, "Number of Nodes Scheduled with Available Pods: " + status.path("numberAvailable").asLong(0)
                + "\n");
        w.write(0, "Number of Nodes Misscheduled: " + status.path("numberMisscheduled").asLong(0) + "\n");
        w.write(0, "Pods Status:\t" + pods + "\n");
        PodSections.podTemplate(w, spec.path("template"));
        Sections.events(w, context.eventsAbout(ds));
    }
}
