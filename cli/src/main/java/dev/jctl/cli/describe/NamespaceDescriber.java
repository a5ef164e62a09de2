package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
            quotas(w, quotas);
        }
        if (limitRanges != null) {
            w.write(0, "\n");
            limitRanges(w, limitRanges);
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

    private static void quotas(PrefixWriter w, List<JsonNode> quotas) {
        if (quotas.isEmpty()) {
            w.write(0, "No resource quota.\n");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(quotas);
        sorted.sort(Comparator.comparing(q -> q.path("metadata").path("name").asText()));
        w.write(0, "Resource Quotas\n");
        for (JsonNode quota : sorted) {
            w.write(1, "Name:\t" + quota.path("metadata").path("name").asText() + "\n");
            JsonNode scopes = quota.path("spec").path("scopes");
            if (!scopes.isEmpty()) {
                Set<String> sortedScopes = new TreeSet<>();
                scopes.forEach(s -> sortedScopes.add(s.asText()));
                w.write(1, "Scopes:\t" + String.join(", ", sortedScopes) + "\n");
                for (String scope : sortedScopes) {
                    String help = scopeHelp(scope);
                    if (!help.isEmpty()) {
                        w.write(1, "* " + help + "\n");
                    }
                }
            }
            w.write(1, "Resource\tUsed\tHard\n");
            w.write(1, "--------\t---\t---\n");
            JsonNode status = quota.path("status");
            for (String resource : new TreeSet<>(Text.map(status.path("hard")).keySet())) {
                w.write(1, resource + "\t" + Quantity.of(status.path("used").path(resource)) + "\t"
                        + Quantity.of(status.path("hard").path(resource)) + "\n");
            }
        }
    }

    private static String scopeHelp(String scope) {
        return switch (scope) {
            case "Terminating" -> "Matches all pods that have an active deadline. These pods have a limited "
                    + "lifespan on a node before being actively terminated by the system.";
            case "NotTerminating" -> "Matches all pods that do not have an active deadline. These pods usually "
                    + "include long running pods whose container command is not expected to terminate.";
            case "BestEffort" -> "Matches all pods that do not have resource requirements set. These pods have a "
                    + "best effort quality of service.";
            case "NotBestEffort" -> "Matches all pods that have at least one resource requirement set. These pods "
                    + "have a burstable or guaranteed quality of service.";
            default -> "";
        };
    }

    /**
     * The limit ranges as one table. (kubectl walks each item's resources in Go's random map order; jctl sorts
     * them by name.)
     */
    private static void limitRanges(PrefixWriter w, List<JsonNode> limitRanges) {
        if (limitRanges.isEmpty()) {
            w.write(0, "No LimitRange resource.\n");
            return;
        }
        w.write(0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\t"
                + "Max Limit/Request Ratio\n");
        w.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
        for (JsonNode limitRange : limitRanges) {
            for (JsonNode item : limitRange.path("spec").path("limits")) {
                List<String> sections = List.of("min", "max", "defaultRequest", "default", "maxLimitRequestRatio");
                Set<String> resources = new TreeSet<>();
                sections.forEach(s -> resources.addAll(Text.map(item.path(s)).keySet()));
                for (String resource : resources) {
                    StringBuilder line = new StringBuilder(" ").append(Text.str(item.path("type"))).append('\t')
                            .append(resource);
                    for (String section : sections) {
                        JsonNode value = item.path(section).path(resource);
                        line.append('\t').append(Text.present(value) ? Quantity.of(value).toString() : "-");
                    }
                    w.write(0, line + "\n");
                }
            }
        }
    }
}
