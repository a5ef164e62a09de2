package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;

/**
 * POST pods/binding (the scheduler assigns a node) and pods/eviction (a delete that budgets may refuse; the
 * API server has no PodDisruptionBudget enforcement yet, so an eviction is a delete).
 */
public final class PodSubresources {
    private final Updater updater;
    private final Deleter deleter;

    public PodSubresources(Updater updater, Deleter deleter) {
        this.updater = updater;
        this.deleter = deleter;
    }

    public Reply bind(ApiRequest request) {
        RequestTarget target = request.target();
        JsonNode binding = Bodies.json(request.body());
        String node = binding.path("target").path("name").asText("");
        if (node.isEmpty()) {
            throw ApiException.invalid("", "Binding", target.name(), java.util.List.of(new ApiException.Cause(
                    "FieldValueRequired", "Required value", "target.name")));
        }
        updater.update(new RequestTarget(target.kind(), target.namespace(), target.name(), null), pod -> {
            String assigned = pod.path("spec").path("nodeName").asText("");
            if (!assigned.isEmpty()) {
                throw ApiException.conflict("", "pods", target.name(), "pod " + target.name()
                        + " is already assigned to node \"" + assigned + "\"");
            }
            pod.withObjectProperty("spec").put("nodeName", node);
            return pod;
        }, Updater.Scope.MAIN, true, request.dryRun());
        return new Reply(201, success());
    }

    public Reply evict(ApiRequest request) {
        RequestTarget target = request.target();
        deleter.delete(new ApiRequest("DELETE", new RequestTarget(target.kind(), target.namespace(),
                target.name(), null), request.query(), null, null));
        return new Reply(201, success());
    }

    private static ObjectNode success() {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success").put("code", 201);
        return status;
    }
}
