package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.ssa.FieldPath;
import dev.jctl.diff.ssa.Schema;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.openapi.FieldValidator;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.List;

/**
 * Upstream's conversion of an apply patch into a typed value (structured-merge-diff validating it against the
 * kind's schema), as far as fields the schema does not declare. Whatever the {@code fieldValidation} directive, they
 * fail the apply with a plain Go error, which kube-apiserver answers with 500 and no reason (managedfields'
 * structuredmerge.go): {@code failed to create typed patch object (default/web; apps/v1, Kind=Deployment):
 * .spec.foo: field not declared in schema}, list items named by their keys as in conflicts.
 */
final class TypedPatch {
    private TypedPatch() {
    }

    static void check(KindInfo kind, ObjectNode patch) {
        FieldValidator.forApply(kind).ifPresent(validator -> {
            List<JsonPointer> undeclared = validator.undeclaredFields(patch);
            if (!undeclared.isEmpty()) {
                throw new ApiException(500, "", "failed to create typed patch object (" + identify(kind, patch) + "): "
                        + errors(kind, patch, undeclared), null, null, null, List.of());
            }
        });
    }

    /** The object as objectGVKNN prints it: {@code namespace/name; group/version, Kind=Kind}. */
    private static String identify(KindInfo kind, ObjectNode patch) {
        ObjectNode meta = Json.metadata(patch);
        return Json.text(meta, "namespace", "") + "/" + Json.text(meta, "name", "") + "; " + kind.group() + "/"
                + kind.version() + ", Kind=" + kind.kind();
    }

    /** structured-merge-diff's ValidationErrors: one error alone, several as an indented list. */
    private static String errors(KindInfo kind, ObjectNode patch, List<JsonPointer> undeclared) {
        Schema schema = CatalogSchema.forKind(kind);
        List<String> errors = undeclared.stream()
                .map(field -> FieldPath.of(patch, field, schema) + ": field not declared in schema").toList();
        return errors.size() == 1 ? errors.get(0) : "errors:\n  " + String.join("\n  ", errors);
    }
}
