package dev.jctl.cli.describe;

import java.util.Map;

/**
 * Which describer serves a group and kind, as kubectl's describer map chooses; every other kind, custom
 * resources included, gets the generic describer.
 */
final class KindDescribers {
    private static final Map<String, KindDescriber> BY_GROUP_KIND = Map.ofEntries(
            Map.entry("/Pod", new PodDescriber()),
            Map.entry("/Service", new ServiceDescriber()),
            Map.entry("/ConfigMap", new ConfigMapDescriber()),
            Map.entry("/Secret", new SecretDescriber()),
            Map.entry("/Namespace", new NamespaceDescriber()),
            Map.entry("/Node", new NodeDescriber()),
            Map.entry("/ServiceAccount", new ServiceAccountDescriber()),
            Map.entry("/PersistentVolumeClaim", new PersistentVolumeClaimDescriber()),
            Map.entry("/PersistentVolume", new PersistentVolumeDescriber()),
            Map.entry("/ReplicationController", new ReplicaSetDescriber(true)),
            Map.entry("/ResourceQuota", new ResourceQuotaDescriber()),
            Map.entry("/LimitRange", new LimitRangeDescriber()),
            Map.entry("/Endpoints", new EndpointsDescriber()),
            Map.entry("apps/Deployment", new DeploymentDescriber()),
            Map.entry("apps/ReplicaSet", new ReplicaSetDescriber(false)),
            Map.entry("apps/StatefulSet", new StatefulSetDescriber()),
            Map.entry("apps/DaemonSet", new DaemonSetDescriber()),
            Map.entry("batch/Job", new JobDescriber()),
            Map.entry("batch/CronJob", new CronJobDescriber()),
            Map.entry("networking.k8s.io/Ingress", new IngressDescriber()),
            Map.entry("extensions/Ingress", new IngressDescriber()),
            Map.entry("networking.k8s.io/IngressClass", new IngressClassDescriber()),
            Map.entry("networking.k8s.io/NetworkPolicy", new NetworkPolicyDescriber()),
            Map.entry("discovery.k8s.io/EndpointSlice", new EndpointSliceDescriber()),
            Map.entry("autoscaling/HorizontalPodAutoscaler", new HorizontalPodAutoscalerDescriber()),
            Map.entry("policy/PodDisruptionBudget", new PodDisruptionBudgetDescriber()),
            Map.entry("storage.k8s.io/StorageClass", new StorageClassDescriber()),
            Map.entry("rbac.authorization.k8s.io/Role", new RoleDescriber()),
            Map.entry("rbac.authorization.k8s.io/ClusterRole", new RoleDescriber()),
            Map.entry("rbac.authorization.k8s.io/RoleBinding", new RoleBindingDescriber()),
            Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", new RoleBindingDescriber()));
    private static final KindDescriber GENERIC = new GenericDescriber();

    private KindDescribers() {
    }

    static KindDescriber forKind(String group, String kind) {
        return BY_GROUP_KIND.getOrDefault(group + "/" + kind, GENERIC);
    }
}
