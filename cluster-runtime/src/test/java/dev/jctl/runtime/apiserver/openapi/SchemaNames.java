package dev.jctl.runtime.apiserver.openapi;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;

import java.util.Set;

/**
 * The names kube-apiserver gives schemas ({@code io.k8s.api.apps.v1.Deployment}), derived from the package of the
 * fabric8 model class that describes the type. fabric8 keeps meta/v1 types in the core package, so those are
 * told apart by name.
 */
final class SchemaNames {
    static final String TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    private static final String MICRO_TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";
    static final String JSON = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON";

    private static final String FABRIC8 = "io.fabric8.kubernetes.api.model";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private static final Set<String> META_TYPES = Set.of("APIGroup", "APIGroupList", "APIResource",
            "APIResourceList", "APIVersions", "Condition", "CreateOptions", "DeleteOptions", "FieldSelectorRequirement",
            "FieldsV1", "GetOptions", "GroupKind", "GroupVersionForDiscovery", "LabelSelector",
            "LabelSelectorRequirement", "ListMeta", "ListOptions", "ManagedFieldsEntry", "ObjectMeta", "OwnerReference",
            "PartialObjectMetadata", "PartialObjectMetadataList", "Patch", "PatchOptions", "Preconditions",
            "RootPaths", "ServerAddressByClientCIDR", "Status", "StatusCause", "StatusDetails", "Table",
            "TableColumnDefinition", "TableRow", "TypeMeta", "UpdateOptions", "WatchEvent");

    private SchemaNames() {
    }

    /** The schema name of a fabric8 model class. */
    static String of(Class<?> type) {
        if (type == Quantity.class) {
            return QUANTITY;
        }
        if (type == IntOrString.class) {
            return INT_OR_STRING;
        }
        if (type == MicroTime.class) {
            return MICRO_TIME;
        }
        if (type == RawExtension.class) {
            return RAW_EXTENSION;
        }
        String pkg = type.getPackageName();
        if (!pkg.startsWith(FABRIC8)) {
            throw new IllegalArgumentException("not a Kubernetes model class: " + type.getName());
        }
        String simple = type.getSimpleName();
        if (pkg.equals(FABRIC8)) {
            return META_TYPES.contains(simple) ? META + simple : "io.k8s.api.core.v1." + simple;
        }
        // apps, rbac and storage hold their v1 types directly, the other groups in a version sub-package
        String[] parts = pkg.substring(FABRIC8.length() + 1).split("\\.");
        String group = parts[0];
        String version = parts.length > 1 ? parts[1] : "v1";
        if (group.equals("apiextensions")) {
            return "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + version + "." + simple;
        }
        return "io.k8s.api." + group + "." + version + "." + simple;
    }

    /** The fabric8 model class of a served kind, found by the group's package conventions. */
    static Class<?> modelClass(String group, String version, String kind) {
        String shortGroup = group.isEmpty() ? "" : group.endsWith(".k8s.io") ? group.substring(0, group.indexOf('.'))
                : group;
        String[] candidates = shortGroup.isEmpty()
                ? new String[] {FABRIC8 + "." + kind}
                : new String[] {FABRIC8 + "." + shortGroup + "." + version + "." + kind, FABRIC8 + "." + shortGroup
                        + "." + kind};
        for (String candidate : candidates) {
            try {
                Class<?> type = Class.forName(candidate, false, SchemaNames.class.getClassLoader());
                io.fabric8.kubernetes.model.annotation.Version v =
                        type.getAnnotation(io.fabric8.kubernetes.model.annotation.Version.class);
                if (v != null && v.value().equals(version)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // try the next package convention
            }
        }
        throw new IllegalArgumentException("no model class for " + group + "/" + version + " " + kind);
    }
}
