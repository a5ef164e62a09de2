package dev.jctl.runtime.apiserver.openapi;

import java.util.List;
import java.util.Map;

/**
 * The {@code required} lists kube-apiserver publishes for the types users write by hand (fields without
 * {@code omitempty} in k8s.io/api). The model classes do not carry them; {@code kubectl explain} marks these
 * fields {@code -required-}.
 */
final class RequiredFields {
    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private static final String APIEXT = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(META + "LabelSelectorRequirement", List.of("key", "operator")),
            Map.entry(META + "OwnerReference", List.of("apiVersion", "kind", "name", "uid")),
            Map.entry(META + "Condition", List.of("type", "status", "lastTransitionTime", "reason", "message")),
            Map.entry(CORE + "PodSpec", List.of("containers")),
            Map.entry(CORE + "Container", List.of("name")),
            Map.entry(CORE + "EphemeralContainer", List.of("name")),
            Map.entry(CORE + "ContainerPort", List.of("containerPort")),
            Map.entry(CORE + "EnvVar", List.of("name")),
            Map.entry(CORE + "VolumeMount", List.of("name", "mountPath")),
            Map.entry(CORE + "VolumeDevice", List.of("name", "devicePath")),
            Map.entry(CORE + "Volume", List.of("name")),
            Map.entry(CORE + "KeyToPath", List.of("key", "path")),
            Map.entry(CORE + "ConfigMapKeySelector", List.of("key")),
            Map.entry(CORE + "SecretKeySelector", List.of("key")),
            Map.entry(CORE + "ObjectFieldSelector", List.of("fieldPath")),
            Map.entry(CORE + "ResourceFieldSelector", List.of("resource")),
            Map.entry(CORE + "HTTPGetAction", List.of("port")),
            Map.entry(CORE + "HTTPHeader", List.of("name", "value")),
            Map.entry(CORE + "TCPSocketAction", List.of("port")),
            Map.entry(CORE + "GRPCAction", List.of("port")),
            Map.entry(CORE + "HostPathVolumeSource", List.of("path")),
            Map.entry(CORE + "PersistentVolumeClaimVolumeSource", List.of("claimName")),
            Map.entry(CORE + "NodeSelector", List.of("nodeSelectorTerms")),
            Map.entry(CORE + "NodeSelectorRequirement", List.of("key", "operator")),
            Map.entry(CORE + "PodAffinityTerm", List.of("topologyKey")),
            Map.entry(CORE + "WeightedPodAffinityTerm", List.of("weight", "podAffinityTerm")),
            Map.entry(CORE + "PreferredSchedulingTerm", List.of("weight", "preference")),
            Map.entry(CORE + "TopologySpreadConstraint", List.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
            Map.entry(CORE + "ServicePort", List.of("port")),
            Map.entry(CORE + "EndpointPort", List.of("port")),
            Map.entry(CORE + "EndpointAddress", List.of("ip")),
            Map.entry(CORE + "Event", List.of("metadata", "involvedObject")),
            Map.entry(CORE + "Taint", List.of("key", "effect")),
            Map.entry(CORE + "PodCondition", List.of("type", "status")),
            Map.entry(CORE + "NodeCondition", List.of("type", "status")),
            Map.entry(CORE + "LimitRangeSpec", List.of("limits")),
            Map.entry(CORE + "LimitRangeItem", List.of("type")),
            Map.entry("io.k8s.api.apps.v1.DeploymentSpec", List.of("selector", "template")),
            Map.entry("io.k8s.api.apps.v1.ReplicaSetSpec", List.of("selector")),
            Map.entry("io.k8s.api.apps.v1.StatefulSetSpec", List.of("selector", "template")),
            Map.entry("io.k8s.api.apps.v1.DaemonSetSpec", List.of("selector", "template")),
            Map.entry("io.k8s.api.apps.v1.ControllerRevision", List.of("revision")),
            Map.entry("io.k8s.api.apps.v1.DeploymentCondition", List.of("type", "status")),
            Map.entry("io.k8s.api.batch.v1.JobSpec", List.of("template")),
            Map.entry("io.k8s.api.batch.v1.CronJobSpec", List.of("schedule", "jobTemplate")),
            Map.entry("io.k8s.api.networking.v1.HTTPIngressRuleValue", List.of("paths")),
            Map.entry("io.k8s.api.networking.v1.HTTPIngressPath", List.of("pathType", "backend")),
            Map.entry("io.k8s.api.networking.v1.IngressServiceBackend", List.of("name")),
            Map.entry("io.k8s.api.networking.v1.IngressClassParametersReference", List.of("kind", "name")),
            Map.entry("io.k8s.api.networking.v1.IPBlock", List.of("cidr")),
            Map.entry("io.k8s.api.rbac.v1.PolicyRule", List.of("verbs")),
            Map.entry("io.k8s.api.rbac.v1.RoleRef", List.of("apiGroup", "kind", "name")),
            Map.entry("io.k8s.api.rbac.v1.Subject", List.of("kind", "name")),
            Map.entry("io.k8s.api.rbac.v1.RoleBinding", List.of("roleRef")),
            Map.entry("io.k8s.api.rbac.v1.ClusterRoleBinding", List.of("roleRef")),
            Map.entry("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec", List.of("scaleTargetRef",
                    "maxReplicas")),
            Map.entry("io.k8s.api.autoscaling.v1.CrossVersionObjectReference", List.of("kind", "name")),
            Map.entry("io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec", List.of("scaleTargetRef",
                    "maxReplicas")),
            Map.entry("io.k8s.api.autoscaling.v2.CrossVersionObjectReference", List.of("kind", "name")),
            Map.entry("io.k8s.api.autoscaling.v2.MetricSpec", List.of("type")),
            Map.entry("io.k8s.api.discovery.v1.EndpointSlice", List.of("addressType", "endpoints")),
            Map.entry("io.k8s.api.discovery.v1.Endpoint", List.of("addresses")),
            Map.entry("io.k8s.api.events.v1.Event", List.of("eventTime")),
            Map.entry("io.k8s.api.storage.v1.StorageClass", List.of("provisioner")),
            Map.entry(APIEXT + "CustomResourceDefinition", List.of("spec")),
            Map.entry(APIEXT + "CustomResourceDefinitionSpec", List.of("group", "names", "scope", "versions")),
            Map.entry(APIEXT + "CustomResourceDefinitionNames", List.of("plural", "kind")),
            Map.entry(APIEXT + "CustomResourceDefinitionVersion", List.of("name", "served", "storage")));

    private RequiredFields() {
    }

    static List<String> of(String schemaName) {
        return REQUIRED.getOrDefault(schemaName, List.of());
    }
}
