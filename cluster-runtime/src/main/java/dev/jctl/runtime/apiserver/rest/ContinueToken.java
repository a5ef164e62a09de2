package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} value of a paginated list, in upstream's shape (base64 of
 * {@code {"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}}): the revision every page is read at and the
 * key the next page starts after.
 */
record ContinueToken(long revision, String lastKey) {
    private static final String VERSION = "meta.k8s.io/v1";

    String encode() {
        ObjectNode token = Json.object();
        token.put("v", VERSION).put("rv", revision).put("start", lastKey + "\u0000");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(token));
    }

    static ContinueToken decode(String value) {
        try {
            JsonNode token = Json.parse(Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_')
                    .replace("=", "").getBytes(StandardCharsets.US_ASCII)));
            String start = token.path("start").asText("");
            if (!VERSION.equals(token.path("v").asText()) || !start.endsWith("\u0000") || token.path("rv").asLong() <= 0) {
                throw new IllegalArgumentException("unexpected content");
            }
            return new ContinueToken(token.path("rv").asLong(), start.substring(0, start.length() - 1));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
        }
    }
}
