package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PolicyRule table of kubectl's Role and ClusterRole describers: the rules broken down to one group,
 * resource, resource name and verb each, those for the same resource merged again with their verbs in first-seen
 * order, and sorted by the rule's Go {@code String()}.
 */
final class PolicyRules {
    private PolicyRules() {
    }

    /** A rule with its lists as strings. */
    private record Rule(List<String> verbs, List<String> apiGroups, List<String> resources,
                        List<String> resourceNames, List<String> nonResourceURLs) {
        /** The generated protobuf {@code String()}, which kubectl sorts by. */
        String goString() {
            return "&PolicyRule{Verbs:" + go(verbs) + ",APIGroups:" + go(apiGroups) + ",Resources:" + go(resources)
                    + ",ResourceNames:" + go(resourceNames) + ",NonResourceURLs:" + go(nonResourceURLs) + ",}";
        }

        private static String go(List<String> list) {
            return "[" + String.join(" ", list) + "]";
        }
    }

    static void describe(PrefixWriter w, JsonNode rules) {
        w.write(0, "PolicyRule:\n");
        w.write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
        w.write(1, "---------\t-----------------\t--------------\t-----\n");
        for (Rule rule : compact(rules)) {
            w.write(1, resourceGroup(rule) + "\t" + Rule.go(rule.nonResourceURLs()) + "\t"
                    + Rule.go(rule.resourceNames()) + "\t" + Rule.go(rule.verbs()) + "\n");
        }
    }

    private static List<Rule> compact(JsonNode rules) {
        Map<List<String>, Rule> simple = new LinkedHashMap<>();
        List<Rule> compacted = new ArrayList<>();
        for (JsonNode rule : rules) {
            List<String> verbs = strings(rule.path("verbs"));
            List<String> names = strings(rule.path("resourceNames"));
            for (String group : strings(rule.path("apiGroups"))) {
                for (String resource : strings(rule.path("resources"))) {
                    for (String verb : verbs) {
                        for (String name : names.isEmpty() ? List.of("") : names) {
                            List<String> resourceNames = names.isEmpty() ? List.of() : List.of(name);
                            Rule merged = simple.computeIfAbsent(List.of(group, resource, String.valueOf(
                                    resourceNames)), k -> new Rule(new ArrayList<>(), List.of(group),
                                    List.of(resource), resourceNames, List.of()));
                            if (!merged.verbs().contains(verb)) {
                                merged.verbs().add(verb);
                            }
                        }
                    }
                }
            }
            for (String url : strings(rule.path("nonResourceURLs"))) {
                for (String verb : verbs) {
                    compacted.add(new Rule(List.of(verb), List.of(), List.of(), List.of(), List.of(url)));
                }
            }
        }
        compacted.addAll(simple.values());
        compacted.sort(Comparator.comparing(Rule::goString));
        return compacted;
    }

    /** kubectl's {@code CombineResourceGroup}: {@code resource.group/subresource}. */
    private static String resourceGroup(Rule rule) {
        if (rule.resources().isEmpty()) {
            return "";
        }
        String[] parts = rule.resources().get(0).split("/", 2);
        String group = rule.apiGroups().isEmpty() ? "" : rule.apiGroups().get(0);
        return parts[0] + (group.isEmpty() ? "" : "." + group) + (parts.length == 2 ? "/" + parts[1] : "");
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
