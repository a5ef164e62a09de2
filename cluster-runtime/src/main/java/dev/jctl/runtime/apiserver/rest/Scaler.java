package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.selector.SelectorFormat;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code scale} subresource: an autoscaling/v1 Scale view of spec.replicas, status.replicas and the label
 * selector (as a string) of a Deployment, ReplicaSet, StatefulSet or ReplicationController.
 */
public final class Scaler {
    private final ObjectStore store;
    private final Updater updater;

    public Scaler(ObjectStore store, Updater updater) {
        this.store = store;
        this.updater = updater;
    }

    public ObjectNode get(RequestTarget target) {
        return toScale(target.kind(), store.get(target.kind(), target.namespace(), target.name()));
    }

    /**
     * Writes a new scale: {@code change} maps the current Scale to the desired one (a PUT body, or the current
     * Scale with a patch applied); only spec.replicas reaches the object.
     */
    public ObjectNode update(RequestTarget target, UnaryOperator<ObjectNode> change, boolean retryOnConflict,
                             boolean dryRun) {
        return update(target, change, retryOnConflict, dryRun, Updater.BeforeWrite.NONE);
    }

    /** {@link #update} recording the write on the parent object through {@code beforeWrite}. */
    public ObjectNode update(RequestTarget target, UnaryOperator<ObjectNode> change, boolean retryOnConflict,
                             boolean dryRun, Updater.BeforeWrite beforeWrite) {
        ObjectNode updated = updater.update(target, object -> {
            ObjectNode desired = Bodies.typed(change.apply(toScale(target.kind(), object)), "autoscaling/v1", "Scale");
            JsonNode replicas = desired.path("spec").path("replicas");
            if (!replicas.isMissingNode() && (!replicas.canConvertToInt() || replicas.asInt() < 0)) {
                throw ApiException.invalid("autoscaling", "Scale", target.name(), List.of(new ApiException.Cause(
                        "FieldValueInvalid", "Invalid value: " + replicas + ": must be greater than or equal to 0",
                        "spec.replicas")));
            }
            Json.metadata(object).set("resourceVersion", Json.metadata(desired).get("resourceVersion"));
            CustomResource.ScalePaths paths = customScale(target.kind());
            if (paths != null) {
                CustomResource.ScalePaths.write(object, paths.specReplicas(), IntNode.valueOf(replicas.asInt(0)));
            } else {
                object.withObjectProperty("spec").put("replicas", replicas.asInt(0));
            }
            return object;
        }, Updater.Scope.MAIN, retryOnConflict, dryRun, beforeWrite);
        return toScale(target.kind(), updated);
    }

    /** subresources.scale of a custom resource's definition; null for built-in kinds. */
    private static CustomResource.ScalePaths customScale(KindInfo kind) {
        return kind.custom() == null ? null : kind.custom().scale();
    }

    static ObjectNode toScale(KindInfo kind, ObjectNode object) {
        ObjectNode meta = Json.metadata(object);
        ObjectNode scale = Json.object();
        scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode scaleMeta = scale.putObject("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (meta.hasNonNull(field)) {
                scaleMeta.set(field, meta.get(field));
            }
        }
        CustomResource.ScalePaths paths = customScale(kind);
        if (paths != null) {
            // a custom resource's scale reads its paths; the selector there is already a string
            scale.putObject("spec").put("replicas",
                    CustomResource.ScalePaths.read(object, paths.specReplicas()).asInt(0));
            ObjectNode status = scale.putObject("status");
            status.put("replicas", CustomResource.ScalePaths.read(object, paths.statusReplicas()).asInt(0));
            JsonNode selector = paths.labelSelector() == null ? null
                    : CustomResource.ScalePaths.read(object, paths.labelSelector());
            if (selector != null && selector.isTextual()) {
                status.put("selector", selector.asText());
            }
            return scale;
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", object.path("status").path("replicas").asInt(0));
        String selector = SelectorFormat.format(object.path("spec").path("selector"));
        if (!selector.isEmpty()) {
            status.put("selector", selector);
        }
        return scale;
    }
}
