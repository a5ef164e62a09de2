package dev.jctl.cli.apply.prune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.LastAppliedConfiguration;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Discovery;
import dev.jctl.diff.io.Manifest;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.selector.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubectl's original prune mode ({@code --prune -l SEL | --all [--prune-allowlist=G/V/K ...]}): objects of the
 * allowlisted kinds that match the selector, in the namespaces applied to (every namespace for cluster-scoped
 * kinds), that carry the last-applied annotation and were not applied this time. {@code -l} also filters the
 * input, as kubectl's resource builder does, so that applying and pruning see the same slice of the world.
 */
public final class PruneSelector {
    /** kubectl's {@code defaultNamespacedPruneResources} then {@code defaultNonNamespacedPruneResources}. */
    static final List<String> DEFAULT_ALLOWLIST = List.of(
            "core/v1/ConfigMap", "core/v1/Endpoints", "core/v1/PersistentVolumeClaim", "core/v1/Pod",
            "core/v1/ReplicationController", "core/v1/Secret", "core/v1/Service", "batch/v1/Job", "batch/v1/CronJob",
            "networking.k8s.io/v1/Ingress", "apps/v1/DaemonSet", "apps/v1/Deployment", "apps/v1/ReplicaSet",
            "apps/v1/StatefulSet", "core/v1/Namespace", "core/v1/PersistentVolume");

    private final String selector;
    private final LabelSelector matcher;
    private final List<String> allowlist;

    private PruneSelector(String selector, LabelSelector matcher, List<String> allowlist) {
        this.selector = selector;
        this.matcher = matcher;
        this.allowlist = allowlist;
    }

    /** {@code selector} may be null (no {@code -l}); an empty allowlist means kubectl's default one. */
    public static PruneSelector of(String selector, List<String> allowlist) {
        for (String entry : allowlist) {
            if (entry.split("/", -1).length != 3) {
                throw new IllegalArgumentException("invalid GroupVersionKind format: " + entry
                        + ", please follow <group/version/kind>");
            }
        }
        try {
            return new PruneSelector(selector == null ? "" : selector, LabelSelector.parse(selector),
                    List.copyOf(allowlist));
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The {@code labelSelector} query value; empty selects everything (only reachable with {@code --all}). */
    public String query() {
        return selector;
    }

    /** Whether an input object is applied at all: kubectl drops input objects {@code -l} does not match. */
    public boolean selects(Manifest manifest) {
        Map<String, String> labels = new HashMap<>();
        manifest.metadata().path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return matcher.test(labels);
    }

    /**
     * Where to look, in allowlist order: each namespaced kind in each of {@code namespaces} (sorted, so the order
     * does not vary from run to run as kubectl's does), each cluster-scoped kind once.
     */
    public List<Pruner.Scope> scopes(Discovery discovery, Set<String> namespaces) {
        List<Pruner.Scope> scopes = new ArrayList<>();
        for (ApiResource resource : resources(discovery)) {
            if (resource.namespaced()) {
                namespaces.stream().sorted().forEach(ns -> scopes.add(new Pruner.Scope(resource, ns)));
            } else {
                scopes.add(new Pruner.Scope(resource, null));
            }
        }
        return scopes;
    }

    /** Whether the default allowlist (which includes Namespaces and PersistentVolumes) is in use. */
    public boolean defaultAllowlist() {
        return allowlist.isEmpty();
    }

    private List<ApiResource> resources(Discovery discovery) {
        List<ApiResource> out = new ArrayList<>();
        for (String entry : allowlist.isEmpty() ? DEFAULT_ALLOWLIST : allowlist) {
            String[] gvk = entry.split("/", -1);
            String group = gvk[0].equals("core") ? "" : gvk[0];
            String apiVersion = group.isEmpty() ? gvk[1] : group + "/" + gvk[1];
            out.add(discovery.forKind(apiVersion, gvk[2]).orElseThrow(() -> new IllegalArgumentException(
                    "no matches for kind \"" + gvk[2] + "\" in version \"" + apiVersion + "\"")));
        }
        return out;
    }

    /** kubectl's selector mode never prunes what was not made by apply (or create --save-config). */
    static boolean madeByApply(JsonNode object) {
        return object.path("metadata").path("annotations").has(LastAppliedConfiguration.ANNOTATION);
    }
}
