package dev.jctl.cli.client;

import java.util.List;
import java.util.Locale;

/**
 * A resource the server serves (one entry of discovery): where objects of a kind live and how they are named on
 * the command line.
 */
public record ApiResource(String group, String version, String kind, String plural, String singular,
                          boolean namespaced, List<String> shortNames, List<String> verbs) {

    public ApiResource {
        shortNames = List.copyOf(shortNames);
        verbs = List.copyOf(verbs);
        singular = singular == null || singular.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singular;
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code deployments.apps}, {@code pods}: how kubectl names the resource in messages. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** {@code deployment.apps}, {@code pod}: the prefix of kubectl's {@code -o name} lines. */
    public String qualifiedKind() {
        String lower = kind.toLowerCase(Locale.ROOT);
        return group.isEmpty() ? lower : lower + "." + group;
    }

    /** {@code apps/v1, Resource=deployments}: how client-go prints the resource in list errors. */
    public String groupVersionResource() {
        return group + "/" + version + ", Resource=" + plural;
    }

    /** The collection URL path; {@code namespace} is ignored for cluster-scoped resources, null means all. */
    public String collectionPath(String namespace) {
        StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
        if (namespaced && namespace != null) {
            path.append("/namespaces/").append(namespace);
        }
        return path.append('/').append(plural).toString();
    }

    public String objectPath(String namespace, String name) {
        return collectionPath(namespace) + "/" + name;
    }
}
