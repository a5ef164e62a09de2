package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
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
        return toScale(store.get(target.kind(), target.namespace(), target.name()));
    }

    /**
     * Writes a new scale: {@code change} maps the current Scale to the desired one (a PUT body, or the current
     * Scale with a patch applied); only spec.replicas reaches the object.
     */
    public ObjectNode update(RequestTarget target, UnaryOperator<ObjectNode> change, boolean retryOnConflict,
                             boolean dryRun) {
        ObjectNode updated = updater.update(target, object -> {
            ObjectNode desired = Bodies.typed(change.apply(toScale(object)), "autoscaling/v1", "Scale");
            JsonNode replicas = desired.path("spec").path("replicas");
            if (!replicas.isMissingNode() && (!replicas.canConvertToInt() || replicas.asInt() < 0)) {
                throw ApiException.invalid("autoscaling", "Scale", target.name(), List.of(new ApiException.Cause(
                        "FieldValueInvalid", "Invalid value: " + replicas + ": must be greater than or equal to 0",
                        "spec.replicas")));
            }
            Json.metadata(object).set("resourceVersion", Json.metadata(desired).get("resourceVersion"));
            object.withObjectProperty("spec").put("replicas", replicas.asInt(0));
            return object;
        }, Updater.Scope.MAIN, retryOnConflict, dryRun);
        return toScale(updated);
    }

    static ObjectNode toScale(ObjectNode object) {
        ObjectNode meta = Json.metadata(object);
        ObjectNode scale = Json.object();
        scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode scaleMeta = scale.putObject("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (meta.hasNonNull(field)) {
                scaleMeta.set(field, meta.get(field));
            }
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
