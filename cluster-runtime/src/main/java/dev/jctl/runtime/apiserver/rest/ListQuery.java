package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.selector.FieldSelector;
import dev.jctl.runtime.apiserver.selector.LabelSelector;

import java.util.HashMap;
import java.util.Map;

/** The list/watch query parameters (meta/v1 ListOptions) and the object filter they define. */
record ListQuery(LabelSelector labels, FieldSelector fields, int limit, ContinueToken continueToken,
                 String resourceVersion, Long timeoutSeconds, boolean allowWatchBookmarks) {

    static ListQuery from(ApiRequest request) {
        KindInfo kind = request.target().kind();
        String cont = request.param("continue");
        return new ListQuery(
                LabelSelector.parse(request.param("labelSelector")),
                FieldSelector.parse(request.param("fieldSelector"), kind),
                (int) Math.min(Integer.MAX_VALUE, number(request, "limit")),
                cont == null || cont.isEmpty() ? null : ContinueToken.decode(cont),
                request.param("resourceVersion"),
                request.param("timeoutSeconds") == null ? null : number(request, "timeoutSeconds"),
                "true".equals(request.param("allowWatchBookmarks")) || "1".equals(request.param("allowWatchBookmarks")));
    }

    /** The same selection in one unpaginated read, as a watch's initial state needs it. */
    ListQuery withoutPagination() {
        return new ListQuery(labels, fields, 0, null, resourceVersion, timeoutSeconds, allowWatchBookmarks);
    }

    /** Whether every object matches, so none has to be decoded to decide. */
    boolean selectsAll() {
        return labels == LabelSelector.EVERYTHING && fields == FieldSelector.EVERYTHING;
    }

    boolean matches(JsonNode object) {
        return labels.test(labelsOf(object)) && fields.test(object);
    }

    static Map<String, String> labelsOf(JsonNode object) {
        Map<String, String> labels = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : object.path("metadata").path("labels").properties()) {
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }

    private static long number(ApiRequest request, String name) {
        String value = request.param(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + name + ": " + value);
        }
    }
}
