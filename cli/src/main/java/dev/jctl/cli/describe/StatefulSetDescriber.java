package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** kubectl's StatefulSet describer, with its volume claim templates. */
final class StatefulSetDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode sts, PrefixWriter w) {
        JsonNode metadata = sts.path("metadata");
        JsonNode spec = sts.path("spec");
        String selector = Text.selector(spec.path("selector"));
        ControllerPods pods = ControllerPods.of(context, sts, selector);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        w.write(0, "CreationTimestamp:\t" + Text.timestamp(metadata.path("creationTimestamp")) + "\n");
        w.write(0, "Selector:\t" + selector + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Replicas:\t" + spec.path("replicas").asLong(1) + " desired | "
                + sts.path("status").path("replicas").asLong(0) + " total\n");
        JsonNode strategy = spec.path("updateStrategy");
        w.write(0, "Update Strategy:\t" + Text.str(strategy.path("type")) + "\n");
        JsonNode rollingUpdate = strategy.path("rollingUpdate");
        if (Text.present(rollingUpdate) && Text.present(rollingUpdate.path("partition"))) {
            w.write(1, "Partition:\t" + rollingUpdate.path("partition").asLong() + "\n");
            if (Text.present(rollingUpdate.path("maxUnavailable"))) {
                w.write(1, "MaxUnavailable:\t" + Text.intOrString(rollingUpdate.path("maxUnavailable")) + "\n");
            }
        }
        w.write(0, "Pods Status:\t" + pods + "\n");
        PodSections.podTemplate(w, spec.path("template"));
        claimTemplates(w, spec.path("volumeClaimTemplates"));
        Sections.events(w, context.eventsAbout(sts));
    }

    private static void claimTemplates(PrefixWriter w, JsonNode templates) {
        if (templates.isEmpty()) {
            w.write(0, "Volume Claims:\t<none>\n");
            return;
        }
        w.write(0, "Volume Claims:\n");
        for (JsonNode pvc : templates) {
            w.write(1, "Name:\t" + pvc.path("metadata").path("name").asText() + "\n");
            w.write(1, "StorageClass:\t" + PersistentVolumeClaimDescriber.storageClass(pvc) + "\n");
            Sections.labels(w, "  ", "Labels", "\t", pvc.path("metadata").path("labels"));
            Sections.labels(w, "  ", "Annotations", "\t", pvc.path("metadata").path("annotations"));
            JsonNode storage = pvc.path("spec").path("resources").path("requests").path("storage");
            w.write(1, "Capacity:\t" + (Text.present(storage) ? Quantity.of(storage).toString() : "<default>") + "\n");
            w.write(1, "Access Modes:\t" + Text.goList(pvc.path("spec").path("accessModes")) + "\n");
        }
    }
}
