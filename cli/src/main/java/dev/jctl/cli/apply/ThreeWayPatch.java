package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.OpenApiDocuments;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import dev.jctl.diff.jsonmerge.PreconditionFailedException;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.diff.smp.OpenApiPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.diff.smp.StrategicMergePatch;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The patch client-side apply sends, chosen as kubectl's {@code Patcher.patchSimple} chooses it: a strategic
 * merge patch with metadata from the server's OpenAPI v3 document when that document says the kind accepts one,
 * else with the built-in metadata of kinds kubectl compiles in, else (custom resources) a JSON merge patch with
 * kubectl's preconditions. Safe to share between the threads of a concurrent apply: the schema of each kind is
 * looked up once.
 */
final class ThreeWayPatch {
    private static final String STRATEGIC_CONTENT_TYPE = PatchType.STRATEGIC.contentType();

    /** A computed patch; {@link #isEmpty()} when applying it would change nothing (kubectl's {@code "{}"}). */
    record Computed(PatchType type, ObjectNode patch, PatchMeta schema) {
        boolean isEmpty() {
            return patch.isEmpty();
        }

        /** The patch applied to {@code current} locally, for {@code --dry-run=client}. */
        JsonNode applyTo(JsonNode current) {
            return type == PatchType.STRATEGIC ? StrategicMergePatch.apply(current, patch, schema)
                    : JsonMergePatch.apply(current, patch);
        }
    }

    private final OpenApiDocuments openApi;
    private final Map<ApiResource, Optional<PatchMeta>> schemas = new HashMap<>();

    ThreeWayPatch(OpenApiDocuments openApi) {
        this.openApi = openApi;
    }

    /**
     * @param original  the live object's last-applied configuration, null when it has none
     * @param modified  the manifest with its new last-applied annotation
     * @param current   the live object
     * @param overwrite false to fail on fields changed on the server since the last apply ({@code --overwrite=false})
     * @param warnings  where kubectl's warning about an unusable OpenAPI schema goes
     */
    Computed compute(ApiResource resource, JsonNode original, JsonNode modified, JsonNode current, boolean overwrite,
                     PrintWriter warnings) {
        Optional<PatchMeta> fromOpenApi = openApiSchema(resource);
        if (fromOpenApi.isPresent()) {
            try {
                return strategic(fromOpenApi.get(), original, modified, current, overwrite);
            } catch (PatchException e) {
                warnings.println("warning: error calculating patch from openapi v3 spec: " + e.getMessage());
                warnings.flush();
            }
        }
        Optional<PatchMeta> builtin = BuiltinPatchMeta.forKind(resource.apiVersion(), resource.kind());
        if (builtin.isPresent()) {
            return strategic(builtin.get(), original, modified, current, overwrite);
        }
        try {
            return new Computed(PatchType.MERGE, JsonMergePatch.createThreeWay(original, modified, current), null);
        } catch (PreconditionFailedException e) {
            throw new PatchException("At least one of apiVersion, kind and name was changed", e);
        }
    }

    private static Computed strategic(PatchMeta schema, JsonNode original, JsonNode modified, JsonNode current,
                                      boolean overwrite) {
        return new Computed(PatchType.STRATEGIC,
                StrategicMergePatch.createThreeWay(original, modified, current, schema, overwrite), schema);
    }

    /** The v3 schema of the kind when a PATCH operation for it accepts strategic merge patches (gvkSupportsPatchOpenAPIV3). */
    private synchronized Optional<PatchMeta> openApiSchema(ApiResource resource) {
        return schemas.computeIfAbsent(resource, this::findOpenApiSchema);
    }

    private Optional<PatchMeta> findOpenApiSchema(ApiResource resource) {
        Optional<JsonNode> document = openApi.forApiVersion(resource.apiVersion());
        if (document.isEmpty() || !acceptsStrategicMerge(document.get(), resource)) {
            return Optional.empty();
        }
        return OpenApiPatchMeta.forKind(document.get(), resource.apiVersion(), resource.kind());
    }

    private static boolean acceptsStrategicMerge(JsonNode document, ApiResource resource) {
        for (JsonNode path : document.path("paths")) {
            JsonNode patch = path.get("patch");
            if (patch == null) {
                continue;
            }
            JsonNode gvk = patch.path("x-kubernetes-group-version-kind");
            if (gvk.path("group").asText("").equals(resource.group())
                    && gvk.path("version").asText("").equals(resource.version())
                    && gvk.path("kind").asText("").equals(resource.kind())) {
                return patch.path("requestBody").path("content").has(STRATEGIC_CONTENT_TYPE);
            }
        }
        return false;
    }
}
