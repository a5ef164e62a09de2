package dev.jctl.runtime.apiserver.openapi;

import java.util.List;

/**
 * One operation on a resource path, as kube-apiserver publishes it, independent of the OpenAPI version it is
 * written in.
 *
 * @param method       the HTTP method in lower case
 * @param action       {@code x-kubernetes-action}: get, list, post, put, patch, delete or deletecollection
 * @param operationId  like upstream's {@code createAppsV1NamespacedDeployment}
 * @param group        with {@code version} and {@code kind}, the {@code x-kubernetes-group-version-kind}
 * @param query        the query parameters it takes
 * @param body         the schema name of the request body, null for none
 * @param patch        whether the body is one of the four patch types
 * @param response     the schema name of the response body, null when unknown (custom resources)
 */
record Operation(String method, String action, String operationId, String group, String version, String kind,
                 List<Parameter> query, String body, boolean patch, String response) {

    /** A query parameter: its name, scalar type ({@code string}, {@code boolean}, {@code integer}) and meaning. */
    record Parameter(String name, String type, String description) {
    }

    /** The content types of a PATCH body, one per patch type the server applies. */
    static final List<String> PATCH_TYPES = List.of("application/apply-patch+yaml", "application/json-patch+json",
            "application/merge-patch+json", "application/strategic-merge-patch+json");
    /**
     * Custom resources take no strategic merge patch: kubectl reads that from the operation's content types and
     * falls back to a JSON merge patch.
     */
    static final List<String> CUSTOM_RESOURCE_PATCH_TYPES = List.of("application/apply-patch+yaml",
            "application/json-patch+json", "application/merge-patch+json");

    static List<String> patchTypes(boolean customResource) {
        return customResource ? CUSTOM_RESOURCE_PATCH_TYPES : PATCH_TYPES;
    }
}
