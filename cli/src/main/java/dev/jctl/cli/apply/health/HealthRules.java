package dev.jctl.cli.apply.health;

import java.util.Map;

/** The rule for each kind, keyed by group and kind as Helm's and kstatus's tables are. */
public final class HealthRules {
    private static final HealthRule GENERIC = new ConditionHealth();
    private static final Map<String, HealthRule> BY_KIND = Map.of(
            "apps/Deployment", new DeploymentHealth(),
            "apps/StatefulSet", new StatefulSetHealth(),
            "apps/DaemonSet", new DaemonSetHealth(),
            "apps/ReplicaSet", new ReplicaSetHealth(),
            "batch/Job", new JobHealth(),
            "/Pod", new PodHealth(),
            "/Service", new ServiceHealth(),
            "/PersistentVolumeClaim", new ClaimHealth(),
            "apiextensions.k8s.io/CustomResourceDefinition", new CrdHealth());

    private HealthRules() {
    }

    /** @param group the API group, empty for the core group */
    public static HealthRule forKind(String group, String kind) {
        return BY_KIND.getOrDefault(group + "/" + kind, GENERIC);
    }
}
