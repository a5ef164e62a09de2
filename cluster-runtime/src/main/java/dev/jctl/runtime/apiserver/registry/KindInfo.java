package dev.jctl.runtime.apiserver.registry;

import java.util.List;
import java.util.Optional;

/**
 * Everything the API server knows about one served resource: its group/version/kind, its names as discovery and
 * kubectl know them, its scope and verbs, and the subresources it serves.
 *
 * @param tracksGeneration whether metadata.generation counts spec changes (workloads, CRDs, ...), as the
 *                         upstream registry strategies do; config-like kinds carry no generation.
 * @param admission        the kind's own validation of objects about to be stored
 * @param custom           what a CustomResourceDefinition defines for this version; null for built-in kinds
 */
public record KindInfo(String group, String version, String kind, String plural, String singular,
                       boolean namespaced, List<String> shortNames, List<String> verbs, List<String> categories,
                       List<Subresource> subresources, boolean tracksGeneration, Admission admission,
                       CustomResource custom) {

    /** A built-in kind: no admission of its own, no custom resource definition. */
    public KindInfo(String group, String version, String kind, String plural, String singular, boolean namespaced,
                    List<String> shortNames, List<String> verbs, List<String> categories,
                    List<Subresource> subresources, boolean tracksGeneration) {
        this(group, version, kind, plural, singular, namespaced, shortNames, verbs, categories, subresources,
                tracksGeneration, Admission.NONE, null);
    }

    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String listKind() {
        return kind + "List";
    }

    /** The group segment of storage keys: {@code core} for the legacy group. */
    public String storageGroup() {
        // events.k8s.io/v1 Event is another version of the core/v1 Event resource, kept in the same storage
        return group.isEmpty() || (group.equals("events.k8s.io") && kind.equals("Event")) ? "core" : group;
    }

    /** {@code configmaps} or {@code deployments.apps}, as error messages name a resource. */
    public String qualifiedResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    public boolean hasVerb(String verb) {
        return verbs.contains(verb);
    }

    public Optional<Subresource> subresource(String name) {
        return subresources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public KindInfo withAdmission(Admission rules) {
        return new KindInfo(group, version, kind, plural, singular, namespaced, shortNames, verbs, categories,
                subresources, tracksGeneration, rules, custom);
    }

    public boolean hasStatus() {
        return subresource("status").isPresent();
    }
}
