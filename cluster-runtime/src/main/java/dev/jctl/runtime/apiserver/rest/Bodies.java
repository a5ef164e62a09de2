package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.io.IOException;

/** Decoding of request bodies, with upstream's errors for malformed or mistyped objects. */
final class Bodies {
    private Bodies() {
    }

    static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("the body of the request was empty");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the object provided is unrecognized (must be of type JSON): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** An object of {@code kind}; apiVersion and kind may be omitted but must match when given. */
    static ObjectNode object(byte[] body, KindInfo kind) {
        return object(body, kind.apiVersion(), kind.kind());
    }

    static ObjectNode object(byte[] body, String apiVersion, String kind) {
        JsonNode node = json(body);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("the object provided is unrecognized (must be of type " + kind + ")");
        }
        return typed(object, apiVersion, kind);
    }

    static ObjectNode typed(ObjectNode object, String apiVersion, String kind) {
        String givenVersion = Json.text(object, "apiVersion");
        String givenKind = Json.text(object, "kind");
        if (givenKind != null && !givenKind.isEmpty() && !givenKind.equals(kind)) {
            throw ApiException.badRequest("the object provided is unrecognized (must be of type " + kind
                    + "): kind " + givenKind);
        }
        if (givenVersion != null && !givenVersion.isEmpty() && !givenVersion.equals(apiVersion)) {
            throw ApiException.badRequest("the API version in the data (" + givenVersion
                    + ") does not match the expected API version (" + apiVersion + ")");
        }
        object.put("apiVersion", apiVersion).put("kind", kind);
        return object;
    }
}
