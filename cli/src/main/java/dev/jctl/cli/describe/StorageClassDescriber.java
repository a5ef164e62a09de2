package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's StorageClass describer. Its annotations are one {@code a=b,c=d} line, the client-side apply
 * annotation included, as kubectl prints them.
 */
final class StorageClassDescriber implements KindDescriber {
    private static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    private static final String BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

    @Override
    public void describe(DescribeContext context, JsonNode storageClass, PrefixWriter w) {
        JsonNode metadata = storageClass.path("metadata");
        JsonNode annotations = metadata.path("annotations");
        List<JsonNode> events = context.eventsAbout(storageClass);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        boolean isDefault = "true".equals(Text.str(annotations.path(DEFAULT_CLASS)))
                || "true".equals(Text.str(annotations.path(BETA_DEFAULT_CLASS)));
        w.write(0, "IsDefaultClass:\t" + (isDefault ? "Yes" : "No") + "\n");
        w.write(0, "Annotations:\t" + Text.labels(annotations) + "\n");
        w.write(0, "Provisioner:\t" + Text.str(storageClass.path("provisioner")) + "\n");
        w.write(0, "Parameters:\t" + Text.labels(storageClass.path("parameters")) + "\n");
        JsonNode expansion = storageClass.path("allowVolumeExpansion");
        w.write(0, "AllowVolumeExpansion:\t" + (Text.present(expansion) ? Text.bool(expansion.asBoolean())
                : "<unset>") + "\n");
        JsonNode mountOptions = storageClass.path("mountOptions");
        if (mountOptions.isEmpty()) {
            w.write(0, "MountOptions:\t<none>\n");
        } else {
            w.write(0, "MountOptions:\n");
            mountOptions.forEach(option -> w.write(1, option.asText() + "\n"));
        }
        if (Text.present(storageClass.path("reclaimPolicy"))) {
            w.write(0, "ReclaimPolicy:\t" + storageClass.path("reclaimPolicy").asText() + "\n");
        }
        if (Text.present(storageClass.path("volumeBindingMode"))) {
            w.write(0, "VolumeBindingMode:\t" + storageClass.path("volumeBindingMode").asText() + "\n");
        }
        if (Text.present(storageClass.path("allowedTopologies"))) {
            allowedTopologies(w, storageClass.path("allowedTopologies"));
        }
        Sections.events(w, events);
    }

    private static void allowedTopologies(PrefixWriter w, JsonNode topologies) {
        w.write(0, "AllowedTopologies:\t");
        if (topologies.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        w.writeLine("");
        for (int i = 0; i < topologies.size(); i++) {
            List<String> requirements = new ArrayList<>();
            for (JsonNode requirement : topologies.get(i).path("matchLabelExpressions")) {
                requirements.add(Sections.requirement(Text.str(requirement.path("key")), "in",
                        requirement.path("values")));
            }
            Sections.terms(w, 1, "Term " + i, requirements);
        }
    }
}
