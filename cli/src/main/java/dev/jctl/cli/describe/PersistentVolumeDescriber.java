package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** kubectl's PersistentVolume describer: class, claim, capacity, node affinity and the volume source. */
final class PersistentVolumeDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode pv, PrefixWriter w) {
        JsonNode metadata = pv.path("metadata");
        JsonNode spec = pv.path("spec");
        List<JsonNode> events = context.eventsAbout(pv);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Finalizers:\t" + Text.goList(metadata.path("finalizers")) + "\n");
        w.write(0, "StorageClass:\t" + PersistentVolumeClaimDescriber.storageClass(pv) + "\n");
        if (Text.present(metadata.path("deletionTimestamp"))) {
            w.write(0, "Status:\tTerminating (lasts " + Text.since(metadata.path("deletionTimestamp")) + ")\n");
        } else {
            w.write(0, "Status:\t" + Text.str(pv.path("status").path("phase")) + "\n");
        }
        JsonNode claim = spec.path("claimRef");
        w.write(0, "Claim:\t" + (Text.present(claim)
                ? Text.str(claim.path("namespace")) + "/" + Text.str(claim.path("name")) : "") + "\n");
        w.write(0, "Reclaim Policy:\t" + Text.str(spec.path("persistentVolumeReclaimPolicy")) + "\n");
        w.write(0, "Access Modes:\t" + PersistentVolumeClaimDescriber.accessModes(spec.path("accessModes")) + "\n");
        if (Text.present(spec.path("volumeMode"))) {
            w.write(0, "VolumeMode:\t" + spec.path("volumeMode").asText() + "\n");
        }
        w.write(0, "Capacity:\t" + Quantity.of(spec.path("capacity").path("storage")) + "\n");
        nodeAffinity(w, spec.path("nodeAffinity").path("required"));
        w.write(0, "Message:\t" + Text.str(pv.path("status").path("message")) + "\n");
        w.write(0, "Source:\n");
        Volumes.describePersistent(w, spec);
        Sections.events(w, events);
    }

    private static void nodeAffinity(PrefixWriter w, JsonNode required) {
        w.write(0, "Node Affinity:\t");
        if (!Text.present(required)) {
            w.writeLine("<none>");
            return;
        }
        w.writeLine("");
        w.write(1, "Required Terms:\t");
        JsonNode terms = required.path("nodeSelectorTerms");
        if (terms.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        w.writeLine("");
        for (int i = 0; i < terms.size(); i++) {
            List<String> expressions = new ArrayList<>();
            for (JsonNode expression : terms.get(i).path("matchExpressions")) {
                expressions.add(Sections.requirement(Text.str(expression.path("key")),
                        Text.str(expression.path("operator")).toLowerCase(Locale.ROOT), expression.path("values")));
            }
            Sections.terms(w, 2, "Term " + i, expressions);
        }
    }
}
