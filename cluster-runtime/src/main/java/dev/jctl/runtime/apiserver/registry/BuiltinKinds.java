package dev.jctl.runtime.apiserver.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in kinds with the names, scopes, verbs, categories and subresources kube-apiserver v1.32 serves them
 * with (pkg/registry/&lt;group&gt;/&lt;resource&gt;/storage: ShortNames(), Categories(), NamespaceScoped()).
 */
public final class BuiltinKinds {
    private static final List<String> ALL = List.of("all");
    private static final List<String> NO_DELETECOLLECTION =
            List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private BuiltinKinds() {
    }

    public static List<KindInfo> all() {
        List<KindInfo> kinds = new ArrayList<>();
        // core/v1
        kinds.add(ns("", "v1", "ConfigMap", "configmaps", shortNames("cm")));
        kinds.add(ns("", "v1", "Endpoints", "endpoints", shortNames("ep")));
        kinds.add(ns("", "v1", "Event", "events", shortNames("ev")));
        kinds.add(ns("", "v1", "LimitRange", "limitranges", shortNames("limits")));
        kinds.add(new KindInfo("", "v1", "Namespace", "namespaces", "namespace", false, shortNames("ns"),
                NO_DELETECOLLECTION, List.of(), List.of(Subresource.status("", "v1", "Namespace")), false));
        kinds.add(cluster("", "v1", "Node", "nodes", shortNames("no"), statusOf("", "v1", "Node")));
        kinds.add(ns("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", shortNames("pvc"),
                statusOf("", "v1", "PersistentVolumeClaim")));
        kinds.add(cluster("", "v1", "PersistentVolume", "persistentvolumes", shortNames("pv"),
                statusOf("", "v1", "PersistentVolume")));
        kinds.add(new KindInfo("", "v1", "Pod", "pods", "pod", true, shortNames("po"), KindInfo.ALL_VERBS, ALL,
                List.of(new Subresource("binding", "", "v1", "Binding", List.of("create")),
                        new Subresource("eviction", "policy", "v1", "Eviction", List.of("create")),
                        new Subresource("log", "", "v1", "Pod", List.of("get")),
                        Subresource.status("", "v1", "Pod")), false));
        kinds.add(new KindInfo("", "v1", "ReplicationController", "replicationcontrollers", "replicationcontroller",
                true, shortNames("rc"), KindInfo.ALL_VERBS, ALL,
                List.of(Subresource.scale(), Subresource.status("", "v1", "ReplicationController")), true));
        kinds.add(ns("", "v1", "ResourceQuota", "resourcequotas", shortNames("quota"),
                statusOf("", "v1", "ResourceQuota")));
        kinds.add(ns("", "v1", "Secret", "secrets", List.of()));
        kinds.add(ns("", "v1", "ServiceAccount", "serviceaccounts", shortNames("sa")));
        kinds.add(new KindInfo("", "v1", "Service", "services", "service", true, shortNames("svc"),
                KindInfo.ALL_VERBS, ALL, statusOf("", "v1", "Service"), false));
        // apps/v1
        kinds.add(ns("apps", "v1", "ControllerRevision", "controllerrevisions", List.of()));
        kinds.add(workload("apps", "v1", "DaemonSet", "daemonsets", "ds", false));
        kinds.add(workload("apps", "v1", "Deployment", "deployments", "deploy", true));
        kinds.add(workload("apps", "v1", "ReplicaSet", "replicasets", "rs", true));
        kinds.add(workload("apps", "v1", "StatefulSet", "statefulsets", "sts", true));
        // autoscaling: v2 is the preferred version, v1 stays served
        kinds.add(workload("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "hpa", false));
        kinds.add(workload("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "hpa", false));
        // batch/v1
        kinds.add(workload("batch", "v1", "CronJob", "cronjobs", "cj", false));
        kinds.add(workload("batch", "v1", "Job", "jobs", null, false));
        // networking.k8s.io/v1
        kinds.add(cluster("networking.k8s.io", "v1", "IngressClass", "ingressclasses", List.of(), List.of()));
        kinds.add(generational(ns("networking.k8s.io", "v1", "Ingress", "ingresses", shortNames("ing"),
                statusOf("networking.k8s.io", "v1", "Ingress"))));
        kinds.add(generational(ns("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", shortNames("netpol"))));
        // rbac.authorization.k8s.io/v1
        String rbac = "rbac.authorization.k8s.io";
        kinds.add(cluster(rbac, "v1", "ClusterRoleBinding", "clusterrolebindings", List.of(), List.of()));
        kinds.add(cluster(rbac, "v1", "ClusterRole", "clusterroles", List.of(), List.of()));
        kinds.add(ns(rbac, "v1", "RoleBinding", "rolebindings", List.of()));
        kinds.add(ns(rbac, "v1", "Role", "roles", List.of()));
        kinds.add(ns("coordination.k8s.io", "v1", "Lease", "leases", List.of()));
        kinds.add(ns("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", List.of()));
        kinds.add(ns("events.k8s.io", "v1", "Event", "events", shortNames("ev")));
        kinds.add(generational(ns("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", shortNames("pdb"),
                statusOf("policy", "v1", "PodDisruptionBudget"))));
        kinds.add(cluster("storage.k8s.io", "v1", "StorageClass", "storageclasses", shortNames("sc"), List.of()));
        kinds.add(new KindInfo("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
                "customresourcedefinitions", "customresourcedefinition", false, shortNames("crd", "crds"),
                KindInfo.ALL_VERBS, List.of("api-extensions"),
                statusOf("apiextensions.k8s.io", "v1", "CustomResourceDefinition"), true));
        return List.copyOf(kinds);
    }

    private static List<String> shortNames(String... names) {
        return Arrays.asList(names);
    }

    private static List<Subresource> statusOf(String group, String version, String kind) {
        return List.of(Subresource.status(group, version, kind));
    }

    private static KindInfo ns(String group, String version, String kind, String plural, List<String> shortNames) {
        return ns(group, version, kind, plural, shortNames, List.of());
    }

    private static KindInfo ns(String group, String version, String kind, String plural, List<String> shortNames,
                               List<Subresource> subresources) {
        return new KindInfo(group, version, kind, plural, kind.toLowerCase(), true, shortNames, KindInfo.ALL_VERBS,
                List.of(), subresources, false);
    }

    private static KindInfo cluster(String group, String version, String kind, String plural,
                                    List<String> shortNames, List<Subresource> subresources) {
        return new KindInfo(group, version, kind, plural, kind.toLowerCase(), false, shortNames, KindInfo.ALL_VERBS,
                List.of(), subresources, false);
    }

    private static KindInfo generational(KindInfo k) {
        return new KindInfo(k.group(), k.version(), k.kind(), k.plural(), k.singular(), k.namespaced(),
                k.shortNames(), k.verbs(), k.categories(), k.subresources(), true);
    }

    /** A controller-managed kind: category {@code all}, status subresource, generation, optionally scale. */
    private static KindInfo workload(String group, String version, String kind, String plural, String shortName,
                                     boolean scalable) {
        List<Subresource> subresources = scalable
                ? List.of(Subresource.scale(), Subresource.status(group, version, kind))
                : List.of(Subresource.status(group, version, kind));
        return new KindInfo(group, version, kind, plural, kind.toLowerCase(), true,
                shortName == null ? List.of() : List.of(shortName), KindInfo.ALL_VERBS, ALL, subresources, true);
    }
}
