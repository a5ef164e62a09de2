package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.openapi.FieldValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete (non-streaming) answer: HTTP status code, JSON body and the extra response headers it carries, in
 * order and possibly repeated (one {@code Warning} header per problem, as kube-apiserver sends them).
 */
public record Reply(int code, JsonNode body, List<Map.Entry<String, String>> headers) {
    public Reply {
        headers = List.copyOf(headers);
    }

    public Reply(int code, JsonNode body) {
        this(code, body, List.of());
    }

    public static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    /** This reply with one {@code Warning: 299 - "..."} header per field validation problem. */
    public Reply warning(List<String> problems) {
        if (problems.isEmpty()) {
            return this;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        problems.forEach(p -> all.add(Map.entry("Warning", FieldValidator.warning(p))));
        return new Reply(code, body, all);
    }
}
