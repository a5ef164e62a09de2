package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** A complete (non-streaming) answer: HTTP status code and JSON body. */
public record Reply(int code, JsonNode body) {
    public static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }
}
