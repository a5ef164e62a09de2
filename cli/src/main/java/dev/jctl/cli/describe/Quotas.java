package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resource quota and limit range tables, as the Namespace describer prints them for all the namespace's
 * objects and the ResourceQuota and LimitRange describers for one.
 */
final class Quotas {
    private static final List<String> LIMIT_SECTIONS = List.of("min", "max", "defaultRequest", "default",
            "maxLimitRequestRatio");
    static final String LIMIT_HEADER = "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\t"
            + "Max Limit/Request Ratio\n";
    static final String LIMIT_RULE = "----\t--------\t---\t---\t---------------\t-------------\t"
            + "-----------------------\n";

    private Quotas() {
    }

    /** kubectl's {@code DescribeResourceQuotas}: every quota by name, each with its own Used/Hard table. */
    static void resourceQuotas(PrefixWriter w, List<JsonNode> quotas) {
        if (quotas.isEmpty()) {
            w.write(0, "No resource quota.\n");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(quotas);
        sorted.sort(Comparator.comparing(q -> q.path("metadata").path("name").asText()));
        w.write(0, "Resource Quotas\n");
        for (JsonNode quota : sorted) {
            w.write(1, "Name:\t" + quota.path("metadata").path("name").asText() + "\n");
            scopes(w, quota, 1, "");
            w.write(1, "Resource\tUsed\tHard\n");
            w.write(1, "--------\t---\t---\n");
            JsonNode status = quota.path("status");
            for (String resource : new TreeSet<>(Text.map(status.path("hard")).keySet())) {
                w.write(1, resource + "\t" + Quantity.of(status.path("used").path(resource)) + "\t"
                        + Quantity.of(status.path("hard").path(resource)) + "\n");
            }
        }
    }

    /** The sorted scopes of a quota and the help text of each known one. */
    static void scopes(PrefixWriter w, JsonNode quota, int level, String helpIndent) {
        JsonNode scopes = quota.path("spec").path("scopes");
        if (scopes.isEmpty()) {
            return;
        }
        Set<String> sorted = new TreeSet<>();
        scopes.forEach(s -> sorted.add(s.asText()));
        w.write(level, "Scopes:\t" + String.join(", ", sorted) + "\n");
        for (String scope : sorted) {
            String help = scopeHelp(scope);
            if (!help.isEmpty()) {
                w.write(level, helpIndent + "* " + help + "\n");
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

    /** kubectl's {@code DescribeLimitRanges}: the limits of every limit range in one table. */
    static void limitRanges(PrefixWriter w, List<JsonNode> limitRanges) {
        if (limitRanges.isEmpty()) {
            w.write(0, "No LimitRange resource.\n");
            return;
        }
        w.write(0, "Resource Limits\n " + LIMIT_HEADER);
        w.write(0, " " + LIMIT_RULE);
        for (JsonNode limitRange : limitRanges) {
            limits(w, limitRange, " ");
        }
    }

    /**
     * A row per limit item and resource, {@code -} where a section lacks the resource. (kubectl walks each
     * item's resources in Go's random map order; jctl sorts them by name.)
     */
    static void limits(PrefixWriter w, JsonNode limitRange, String prefix) {
        for (JsonNode item : limitRange.path("spec").path("limits")) {
            Set<String> resources = new TreeSet<>();
            LIMIT_SECTIONS.forEach(s -> resources.addAll(Text.map(item.path(s)).keySet()));
            for (String resource : resources) {
                StringBuilder line = new StringBuilder(prefix).append(Text.str(item.path("type"))).append('\t')
                        .append(resource);
                for (String section : LIMIT_SECTIONS) {
                    JsonNode value = item.path(section).path(resource);
                    line.append('\t').append(Text.present(value) ? Quantity.of(value).toString() : "-");
                }
                w.write(0, line + "\n");
            }
        }
    }
}
