package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** kubectl's PersistentVolumeClaim describer, with the pods that use the claim. */
final class PersistentVolumeClaimDescriber implements KindDescriber {
    private static final String BETA_CLASS = "volume.beta.kubernetes.io/storage-class";

    @Override
    public void describe(DescribeContext context, JsonNode pvc, PrefixWriter w) {
        List<JsonNode> pods = usedBy(context, pvc);
        List<JsonNode> events = context.eventsAbout(pvc);
        claim(w, pvc, true);
        w.write(0, "Used By:\t");
        if (pods.isEmpty()) {
            w.writeLine("<none>");
        } else {
            List<String> names = new ArrayList<>();
            pods.forEach(p -> names.add(p.path("metadata").path("name").asText()));
            names.sort(null);
            for (int i = 0; i < names.size(); i++) {
                w.write(0, (i == 0 ? "" : "\t") + names.get(i) + "\n");
            }
        }
        JsonNode conditions = pvc.path("status").path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n");
            w.write(1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n");
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(1, Text.str(c.path("type")) + " \t" + Text.str(c.path("status")) + " \t"
                        + Text.timestamp(c.path("lastProbeTime")) + " \t" + Text.timestamp(c.path("lastTransitionTime"))
                        + " \t" + Text.str(c.path("reason")) + " \t" + Text.str(c.path("message")) + "\n");
            }
        }
        Sections.events(w, events);
    }

    /** Pods with a volume naming the claim, then pods that own it (generic ephemeral volumes). */
    private static List<JsonNode> usedBy(DescribeContext context, JsonNode pvc) {
        JsonNode metadata = pvc.path("metadata");
        String name = metadata.path("name").asText();
        List<JsonNode> all = context.list("/api/v1/namespaces/" + metadata.path("namespace").asText() + "/pods",
                null, null);
        Set<JsonNode> pods = new LinkedHashSet<>();
        for (JsonNode pod : all) {
            for (JsonNode volume : pod.path("spec").path("volumes")) {
                if (name.equals(Text.str(volume.path("persistentVolumeClaim").path("claimName")))) {
                    pods.add(pod);
                }
            }
        }
        for (JsonNode owner : metadata.path("ownerReferences")) {
            if (!"Pod".equals(Text.str(owner.path("kind")))) {
                continue;
            }
            all.stream().filter(p -> Text.str(p.path("metadata").path("uid")).equals(Text.str(owner.path("uid"))))
                    .findFirst().ifPresent(pods::add);
        }
        List<JsonNode> list = new ArrayList<>(pods);
        list.sort(Comparator.comparing(p -> p.path("metadata").path("name").asText()));
        return list;
    }

    /** kubectl's {@code printPersistentVolumeClaim}; a template ({@code full} false) leaves out what it lacks. */
    static void claim(PrefixWriter w, JsonNode pvc, boolean full) {
        JsonNode metadata = pvc.path("metadata");
        JsonNode spec = pvc.path("spec");
        JsonNode status = pvc.path("status");
        if (full) {
            w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
            w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        }
        w.write(0, "StorageClass:\t" + storageClass(pvc) + "\n");
        if (full) {
            if (Text.present(metadata.path("deletionTimestamp"))) {
                w.write(0, "Status:\tTerminating (lasts " + Text.since(metadata.path("deletionTimestamp")) + ")\n");
            } else {
                w.write(0, "Status:\t" + Text.str(status.path("phase")) + "\n");
            }
        }
        w.write(0, "Volume:\t" + Text.str(spec.path("volumeName")) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        if (full) {
            w.write(0, "Finalizers:\t" + Text.goList(metadata.path("finalizers")) + "\n");
        }
        String capacity = "";
        String accessModes = "";
        if (!Text.str(spec.path("volumeName")).isEmpty()) {
            accessModes = accessModes(status.path("accessModes"));
            capacity = Quantity.of(status.path("capacity").path("storage")).toString();
        }
        w.write(0, "Capacity:\t" + capacity + "\n");
        w.write(0, "Access Modes:\t" + accessModes + "\n");
        if (Text.present(spec.path("volumeMode"))) {
            w.write(0, "VolumeMode:\t" + spec.path("volumeMode").asText() + "\n");
        }
        JsonNode dataSource = spec.path("dataSource");
        if (Text.present(dataSource)) {
            w.write(0, "DataSource:\n");
            if (Text.present(dataSource.path("apiGroup"))) {
                w.write(1, "APIGroup:\t" + dataSource.path("apiGroup").asText() + "\n");
            }
            w.write(1, "Kind:\t" + Text.str(dataSource.path("kind")) + "\n");
            w.write(1, "Name:\t" + Text.str(dataSource.path("name")) + "\n");
        }
    }

    /** The beta annotation first, then {@code spec.storageClassName} (a PersistentVolume has the same fields). */
    static String storageClass(JsonNode pvc) {
        JsonNode annotation = pvc.path("metadata").path("annotations").path(BETA_CLASS);
        return Text.present(annotation) ? annotation.asText() : Text.str(pvc.path("spec").path("storageClassName"));
    }

    /** {@code GetAccessModesAsString}: the short names, always in the order RWO, ROX, RWX, RWOP. */
    static String accessModes(JsonNode modes) {
        Set<String> present = new LinkedHashSet<>();
        modes.forEach(m -> present.add(m.asText()));
        List<String> shortNames = new ArrayList<>();
        String[][] order = {{"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"},
                {"ReadWriteOncePod", "RWOP"}};
        for (String[] mode : order) {
            if (present.contains(mode[0])) {
                shortNames.add(mode[1]);
            }
        }
        return String.join(",", shortNames);
    }
}
