package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.ApiException;

/**
 * meta/v1 DeleteOptions from the query string or the request body (kubectl sends a body): grace period,
 * propagation policy and preconditions.
 */
record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, String preconditionUid,
                     String preconditionResourceVersion) {

    static DeleteOptions from(ApiRequest request) {
        JsonNode body = request.body() == null || request.body().length == 0 ? null : Bodies.json(request.body());
        Long grace = null;
        String policy = request.param("propagationPolicy");
        String uid = null;
        String rv = null;
        if (request.param("gracePeriodSeconds") != null) {
            try {
                grace = Long.parseLong(request.param("gracePeriodSeconds"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid gracePeriodSeconds: " + request.param("gracePeriodSeconds"));
            }
        }
        if (body != null && body.isObject()) {
            if (body.hasNonNull("gracePeriodSeconds")) {
                grace = body.get("gracePeriodSeconds").asLong();
            }
            if (body.hasNonNull("propagationPolicy")) {
                policy = body.get("propagationPolicy").asText();
            }
            if (body.path("orphanDependents").asBoolean(false) && policy == null) {
                policy = "Orphan";
            }
            JsonNode preconditions = body.path("preconditions");
            uid = preconditions.hasNonNull("uid") ? preconditions.get("uid").asText() : null;
            rv = preconditions.hasNonNull("resourceVersion") ? preconditions.get("resourceVersion").asText() : null;
        }
        if (policy != null && !policy.equals("Background") && !policy.equals("Foreground")
                && !policy.equals("Orphan")) {
            throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + policy
                    + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        return new DeleteOptions(grace, policy, uid, rv);
    }
}
