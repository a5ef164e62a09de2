package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import dev.jctl.diff.jsonpatch.JsonPatch;
import dev.jctl.diff.smp.StrategicMergePatch;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.ssa.ServerSideApplier;
import dev.jctl.runtime.apiserver.ssa.UpdateRecorder;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * PATCH of the main resource, /status or /scale with a JSON patch, a JSON merge patch or - for built-in kinds
 * ({@link StrategicPatchMeta}) - a strategic merge patch. The patch is applied to the current object (re-read and
 * re-applied when a concurrent write wins the compare-and-swap, unless the patch pins a resourceVersion).
 * Server-side apply ({@value ServerSideApplier#APPLY_PATCH}) goes to the {@link ServerSideApplier}; every other
 * patch is recorded in managedFields as an Update by the request's manager.
 */
public final class Patcher {
    static final String JSON_PATCH = "application/json-patch+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";

    private final Updater updater;
    private final Scaler scaler;

    private final ServerSideApplier applier;

    public Patcher(Updater updater, Scaler scaler, ServerSideApplier applier) {
        this.updater = updater;
        this.scaler = scaler;
        this.applier = applier;
    }

    public Reply patch(ApiRequest request) {
        RequestTarget target = request.target();
        String type = mediaType(request.contentType());
        // like upstream's PatchResource, before reading the body or the object: a missing object is not looked up
        List<String> accepted = acceptedTypes(target.kind());
        if (!accepted.contains(type)) {
            throw ApiException.unsupportedMediaType(accepted);
        }
        // the options before the body, as upstream validates them
        boolean serverSideApply = type.equals(ServerSideApplier.APPLY_PATCH);
        FieldValidation fields = FieldValidation.of(request, "PatchOptions",
                serverSideApply ? ServerSideApplier.optionProblems(request) : List.of());
        if (serverSideApply) {
            return applier.apply(request, fields).warning(fields.warnings());
        }
        JsonNode patch = Bodies.json(request.body());
        Optional<Decoding> decoding = Decoding.of(target);
        UnaryOperator<ObjectNode> apply = current -> {
            ObjectNode patched = apply(target.kind(), type, current, patch);
            decoding.ifPresent(d -> d.patched(type, patch, patched));
            return fields.patched(type, request.body(), patch, patched);
        };
        boolean retry = !pinsResourceVersion(type, patch);
        if ("scale".equals(target.subresource())) {
            return Reply.ok(scaler.update(target, apply, retry, request.dryRun(),
                    UpdateRecorder.forRequest(request))).warning(fields.warnings());
        }
        Updater.Scope scope = "status".equals(target.subresource()) ? Updater.Scope.STATUS : Updater.Scope.MAIN;
        return Reply.ok(updater.update(target, apply, scope, retry, request.dryRun(),
                UpdateRecorder.forRequest(request))).warning(fields.warnings());
    }

    private static ObjectNode apply(KindInfo kind, String type, ObjectNode current, JsonNode patch) {
        JsonNode result;
        try {
            result = switch (type) {
                case JSON_PATCH -> jsonPatch(current, patch);
                case MERGE_PATCH -> JsonMergePatch.apply(current, patch);
                default -> StrategicMergePatch.apply(current, patch, StrategicPatchMeta.forKind(kind).orElseThrow());
            };
        } catch (PatchException e) {
            throw new ApiException(422, "Invalid", e.getMessage(), kind.group(), kind.kind(),
                    current.path("metadata").path("name").asText(), List.of());
        }
        if (!(result instanceof ObjectNode object)) {
            throw ApiException.badRequest("the patch must leave an object, not " + result.getNodeType());
        }
        return object;
    }

    private static JsonNode jsonPatch(ObjectNode current, JsonNode patch) {
        try {
            return JsonPatch.apply(current, patch);
        } catch (PatchException e) {
            throw ApiException.patchDoesNotApply();
        }
    }

    /** The Content-Types kube-apiserver lists for PATCH: custom resources have no strategic merge patch. */
    private static List<String> acceptedTypes(KindInfo kind) {
        return StrategicPatchMeta.forKind(kind).isPresent()
                ? List.of(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, ServerSideApplier.APPLY_PATCH)
                : List.of(JSON_PATCH, MERGE_PATCH, ServerSideApplier.APPLY_PATCH);
    }

    /** A patch that sets metadata.resourceVersion is an optimistic-concurrency precondition, as upstream. */
    private static boolean pinsResourceVersion(String type, JsonNode patch) {
        if (type.equals(JSON_PATCH)) {
            for (JsonNode op : patch) {
                if (op.path("path").asText().equals("/metadata/resourceVersion")) {
                    return true;
                }
            }
            return false;
        }
        return patch.path("metadata").hasNonNull("resourceVersion");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            throw ApiException.badRequest("a patch needs a Content-Type naming its patch type");
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }
}
