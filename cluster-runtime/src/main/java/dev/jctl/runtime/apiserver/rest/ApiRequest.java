package dev.jctl.runtime.apiserver.rest;

import java.util.Map;

/** A resource request, independent of the HTTP library: method, target, first value of each query parameter. */
public record ApiRequest(String method, RequestTarget target, Map<String, String> query, String contentType,
                         byte[] body, String userAgent) {

    /** A request the server makes itself, with no User-Agent. */
    public ApiRequest(String method, RequestTarget target, Map<String, String> query, String contentType,
                      byte[] body) {
        this(method, target, query, contentType, body, null);
    }

    public String param(String name) {
        return query.get(name);
    }

    /** {@code dryRun=All}, the only dry-run value upstream accepts besides none. */
    public boolean dryRun() {
        String dryRun = query.get("dryRun");
        if (dryRun == null || dryRun.isEmpty()) {
            return false;
        }
        if (!dryRun.equals("All")) {
            throw dev.jctl.runtime.apiserver.ApiException.badRequest(
                    "dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
        }
        return true;
    }
}
