package dev.jctl.cli.apply;

import dev.jctl.diff.io.Manifest;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order apply creates objects in, so that what an object refers to exists first: Namespaces and CRDs, then
 * identities and permissions, then configuration, then Services, then workloads, then everything else (custom
 * resources included). Objects of the same rank keep the order they were given in; deletion uses the reverse.
 */
public final class ApplyOrder {
    private static final int OTHER = 100;
    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("Namespace", 0),
            Map.entry("CustomResourceDefinition", 1),
            Map.entry("PriorityClass", 2),
            Map.entry("StorageClass", 3),
            Map.entry("ResourceQuota", 4),
            Map.entry("LimitRange", 5),
            Map.entry("ServiceAccount", 10),
            Map.entry("ClusterRole", 11),
            Map.entry("Role", 12),
            Map.entry("ClusterRoleBinding", 13),
            Map.entry("RoleBinding", 14),
            Map.entry("ConfigMap", 20),
            Map.entry("Secret", 21),
            Map.entry("PersistentVolume", 22),
            Map.entry("PersistentVolumeClaim", 23),
            Map.entry("Service", 30),
            Map.entry("Pod", 40),
            Map.entry("ReplicaSet", 41),
            Map.entry("Deployment", 42),
            Map.entry("StatefulSet", 43),
            Map.entry("DaemonSet", 44),
            Map.entry("Job", 45),
            Map.entry("CronJob", 46),
            Map.entry("HorizontalPodAutoscaler", 47),
            Map.entry("PodDisruptionBudget", 48),
            Map.entry("Ingress", 50));

    private ApplyOrder() {
    }

    public static int rank(String kind) {
        return RANKS.getOrDefault(kind, OTHER);
    }

    /** A stably sorted copy, in creation order. */
    public static List<Manifest> forApply(List<Manifest> manifests) {
        return manifests.stream().sorted(Comparator.comparingInt(m -> rank(m.kind()))).toList();
    }

    /**
     * Orders results as their manifests were given, which is how kubectl, applying one object after the other,
     * reports their errors.
     */
    public static Comparator<ApplyResult> asGiven(List<Manifest> manifests) {
        Map<Manifest, Integer> positions = new IdentityHashMap<>();
        for (int i = 0; i < manifests.size(); i++) {
            positions.putIfAbsent(manifests.get(i), i);
        }
        return Comparator.comparingInt(result -> positions.getOrDefault(result.manifest(), manifests.size()));
    }

    /** A stably sorted copy, in deletion order (workloads before what they use, Namespaces last). */
    public static List<Manifest> forDelete(List<Manifest> manifests) {
        return manifests.stream().sorted(Comparator.comparingInt((Manifest m) -> rank(m.kind())).reversed()).toList();
    }
}
