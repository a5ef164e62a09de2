package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** kubectl's Role and ClusterRole describers: the metadata and the PolicyRule table. */
final class RoleDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode role, PrefixWriter w) {
        JsonNode metadata = role.path("metadata");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        PolicyRules.describe(w, role.path("rules"));
    }
}
