package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** kubectl's RoleBinding and ClusterRoleBinding describers: the role referred to and the subjects. */
final class RoleBindingDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode binding, PrefixWriter w) {
        JsonNode metadata = binding.path("metadata");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Role:\n");
        w.write(1, "Kind:\t" + Text.str(binding.path("roleRef").path("kind")) + "\n");
        w.write(1, "Name:\t" + Text.str(binding.path("roleRef").path("name")) + "\n");
        w.write(0, "Subjects:\n");
        w.write(1, "Kind\tName\tNamespace\n");
        w.write(1, "----\t----\t---------\n");
        for (JsonNode subject : binding.path("subjects")) {
            w.write(1, Text.str(subject.path("kind")) + "\t" + Text.str(subject.path("name")) + "\t"
                    + Text.str(subject.path("namespace")) + "\n");
        }
    }
}
