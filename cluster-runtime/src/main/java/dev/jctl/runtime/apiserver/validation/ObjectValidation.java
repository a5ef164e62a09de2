package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;

/**
 * The one hook the REST handlers call before a create or an update of the main resource is stored: labels and
 * annotations as for every object, then the per-kind rules kube-apiserver enforces on what users write daily (required fields, fields immutable once
 * set), failing with 422 Invalid and upstream's causes. Runs after defaulting, as upstream validates defaulted
 * objects.
 */
public final class ObjectValidation {
    private ObjectValidation() {
    }

    public static void validateCreate(KindInfo kind, ObjectNode object) {
        validate(kind, object, null);
    }

    public static void validateUpdate(KindInfo kind, ObjectNode next, ObjectNode current) {
        validate(kind, next, current);
    }

    private static void validate(KindInfo kind, ObjectNode object, ObjectNode old) {
        Causes causes = new Causes();
        MetadataValidation.validate(Json.metadata(object), causes);
        switch (kind.group() + "/" + kind.kind()) {
            case "apps/Deployment", "apps/ReplicaSet", "apps/DaemonSet", "apps/StatefulSet" ->
                    WorkloadValidation.validate(kind.kind(), object, old, causes);
            case "batch/Job" -> JobValidation.validate(object, old, causes);
            case "/Pod" -> PodValidation.podSpec(object.path("spec"), "spec", causes);
            case "/Service" -> ServiceValidation.validate(object, causes);
            default -> {
            }
        }
        causes.throwIfAny(kind.group(), kind.kind(), Json.text(Json.metadata(object), "name", ""));
    }
}
