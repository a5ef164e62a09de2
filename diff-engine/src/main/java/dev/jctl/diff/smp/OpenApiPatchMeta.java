package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Patch metadata read from an OpenAPI document, the way kubectl reads a server's {@code /openapi/v2} or
 * {@code /openapi/v3/...} documents: only {@code x-kubernetes-patch-strategy} and
 * {@code x-kubernetes-patch-merge-key} decide how lists and maps merge. {@link ListTypes#AS_PATCH_STRATEGY}
 * additionally reads {@code x-kubernetes-list-type} for schemas that carry no patch extensions.
 */
public final class OpenApiPatchMeta {

    /** Whether {@code x-kubernetes-list-type}/{@code x-kubernetes-list-map-keys} count as patch metadata. */
    public enum ListTypes {
        /** As kubectl: list types are ignored; a list without patch extensions is replaced. */
        IGNORED,
        /**
         * A property without patch extensions merges when it is a {@code set}, or a {@code map} keyed by a
         * single field (multi-key maps cannot be expressed in a strategic merge patch and stay atomic).
         */
        AS_PATCH_STRATEGY
    }

    private OpenApiPatchMeta() {}

    /**
     * The type {@code #/definitions/<definitionName>} of an OpenAPI v2 (Swagger) document. Definitions are parsed
     * as lookups reach them.
     *
     * @throws dev.jctl.diff.PatchException when the document has no such definition
     */
    public static PatchMeta v2(JsonNode openApiDoc, String definitionName) {
        return v2(openApiDoc, definitionName, ListTypes.IGNORED);
    }

    public static PatchMeta v2(JsonNode openApiDoc, String definitionName, ListTypes listTypes) {
        return OpenApiV2PatchMeta.of(openApiDoc, definitionName, listTypes == ListTypes.AS_PATCH_STRATEGY);
    }

    /**
     * The type {@code #/components/schemas/<schemaName>} of an OpenAPI v3 document.
     *
     * @throws dev.jctl.diff.PatchException when the document has no such schema
     */
    public static PatchMeta v3(JsonNode openApiDoc, String schemaName) {
        return v3(openApiDoc, schemaName, ListTypes.IGNORED);
    }

    public static PatchMeta v3(JsonNode openApiDoc, String schemaName, ListTypes listTypes) {
        return OpenApiV3PatchMeta.of(openApiDoc, schemaName, listTypes == ListTypes.AS_PATCH_STRATEGY);
    }

    /**
     * The schema declaring {@code x-kubernetes-group-version-kind} for this apiVersion and kind, from a v2
     * document ({@code definitions}) or a v3 document ({@code components.schemas}); empty when none does.
     */
    public static Optional<PatchMeta> forKind(JsonNode openApiDoc, String apiVersion, String kind) {
        return forKind(openApiDoc, apiVersion, kind, ListTypes.IGNORED);
    }

    public static Optional<PatchMeta> forKind(JsonNode openApiDoc, String apiVersion, String kind,
                                              ListTypes listTypes) {
        boolean isV3 = openApiDoc.has("openapi") || openApiDoc.path("components").has("schemas");
        JsonNode types = isV3 ? openApiDoc.path("components").path("schemas") : openApiDoc.path("definitions");
        return findSchemaName(types, apiVersion, kind)
                .map(name -> isV3 ? v3(openApiDoc, name, listTypes) : v2(openApiDoc, name, listTypes));
    }

    /** The name of the definition whose {@code x-kubernetes-group-version-kind} lists this apiVersion and kind. */
    public static Optional<String> findSchemaName(JsonNode types, String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        for (Map.Entry<String, JsonNode> e : types.properties()) {
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                if (gvk.path("group").asText("").equals(group) && gvk.path("version").asText("").equals(version)
                        && gvk.path("kind").asText("").equals(kind)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
