package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import java.util.List;

/** kubectl's Namespace describer, with the namespace's resource quotas and limit ranges. */
final class NamespaceDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode namespace, PrefixWriter w) {
        JsonNode metadata = namespace.path("metadata");
        String name = metadata.path("name").asText();
        List<JsonNode> quotas = listOrNull(context, "/api/v1/namespaces/" + name + "/resourcequotas");
        List<JsonNode> limitRanges = listOrNull(context, "/api/v1/namespaces/" + name + "/limitranges");
        w.write(0, "Name:\t" + name + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Status:\t" + Text.str(namespace.path("status").path("phase")) + "\n");
        JsonNode conditions = namespace.path("status").path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n");
            w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
            w.write(1, "----\t------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(1, Text.str(c.path("type")) + "\t" + Text.str(c.path("status")) + "\t"
                        + Text.timestamp(c.path("lastTransitionTime")) + "\t" + Text.str(c.path("reason")) + "\t"
                        + Text.str(c.path("message")) + "\n");
            }
        }
        if (quotas != null) {
            w.write(0, "\n");
            Quotas.resourceQuotas(w, quotas);
        }
        if (limitRanges != null) {
            w.write(0, "\n");
            Quotas.limitRanges(w, limitRanges);
        }
    }

    /** The items, or null when the server does not serve the kind (kubectl then leaves the section out). */
    private static List<JsonNode> listOrNull(DescribeContext context, String path) {
        try {
            return context.list(path, null, null);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }
}
