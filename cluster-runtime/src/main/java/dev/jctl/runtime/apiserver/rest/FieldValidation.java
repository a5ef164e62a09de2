package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.crd.CustomResourceFields;
import dev.jctl.runtime.apiserver.openapi.FieldValidator;
import dev.jctl.runtime.apiserver.openapi.SchemaCatalog;
import dev.jctl.runtime.apiserver.openapi.UnknownFields;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.validation.GoValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request's {@code fieldValidation=Strict|Warn|Ignore} (Warn when absent, as kube-apiserver 1.27+): unknown
 * and duplicate fields fail a Strict request, become {@code Warning} headers of a Warn request and are silently
 * accepted by an Ignore request. Whatever the directive, unknown fields are dropped before the object is stored,
 * as upstream's decoder drops them: a built-in kind's by its OpenAPI schema, a custom resource's by its version's
 * structural schema. Errors are worded per verb as upstream's handlers word them. Server-side apply is the exception
 * upstream makes: its typed conversion refuses unknown fields whatever the directive, which governs only the keys
 * an apply patch repeats ({@link #applied}).
 */
public final class FieldValidation {
    private enum Directive { STRICT, WARN, IGNORE }

    private final Directive directive;
    private final KindInfo kind;
    private final Optional<UnknownFields> validator;
    /** Warnings of the last check; a patch re-applied after a conflict is checked again. */
    private volatile List<String> warnings = List.of();

    private FieldValidation(Directive directive, KindInfo kind, boolean typed) {
        this.directive = directive;
        this.kind = kind;
        if (!typed) {
            this.validator = Optional.empty();
        } else if (kind.custom() != null) {
            this.validator = CustomResourceFields.of(kind.custom());
        } else {
            this.validator = FieldValidator.forKind(SchemaCatalog.builtin(), kind.group(), kind.version(), kind.kind())
                    .map(UnknownFields.class::cast);
        }
    }

    /**
     * The request's directive; {@code optionsKind} (CreateOptions, UpdateOptions, PatchOptions) names the options
     * an unsupported value is reported against. The /scale subresource carries a Scale, not the kind, and is not
     * checked.
     */
    static FieldValidation of(ApiRequest request, String optionsKind) {
        return of(request, optionsKind, List.of());
    }

    /**
     * {@link #of(ApiRequest, String)} for options with other problems, found before fieldValidation's as upstream
     * validates options: all of them fail the request as one Invalid error.
     */
    static FieldValidation of(ApiRequest request, String optionsKind, List<ApiException.Cause> problems) {
        String value = request.param("fieldValidation");
        List<ApiException.Cause> causes = new ArrayList<>(problems);
        Directive directive = switch (value == null ? "" : value) {
            case "", "Warn" -> Directive.WARN;
            case "Strict" -> Directive.STRICT;
            case "Ignore" -> Directive.IGNORE;
            default -> {
                causes.add(new ApiException.Cause("FieldValueNotSupported", "Unsupported value: \"" + value
                        + "\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"", "fieldValidation"));
                yield null;
            }
        };
        if (!causes.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", optionsKind, "", causes);
        }
        return new FieldValidation(directive, request.target().kind(), !"scale".equals(request.target().subresource()));
    }

    /** POST and PUT: checks {@code body} as sent, then drops the unknown fields of its decoded {@code object}. */
    void decoded(byte[] body, ObjectNode object) {
        if (directive != Directive.IGNORE && validator.isPresent()) {
            List<String> problems = validator.get().checkJson(body);
            if (directive == Directive.STRICT && !problems.isEmpty()) {
                throw ApiException.badRequest(FieldValidator.strictDecodingError(kind.kind(), kind.version(),
                        problems));
            }
            warnings = problems;
        }
        validator.ifPresent(v -> v.prune(object));
    }

    /**
     * PATCH: the duplicate fields of a merge or strategic merge patch body, then the unknown fields of the patched
     * object (a patch's own keys include directives such as {@code $patch}, so only its duplicates count). Strict
     * fails a strategic merge patch with 422 Invalid on the field {@code patch}, the others with 400, as upstream.
     * Returns {@code patched} without its unknown fields.
     */
    ObjectNode patched(String patchType, byte[] body, JsonNode patch, ObjectNode patched) {
        if (directive != Directive.IGNORE && validator.isPresent()) {
            List<String> problems = new ArrayList<>();
            if (!patchType.equals(Patcher.JSON_PATCH)) {
                validator.get().checkJson(body).stream().filter(p -> p.startsWith("duplicate field"))
                        .forEach(problems::add);
            }
            problems.addAll(validator.get().unknownFields(patched));
            if (directive == Directive.STRICT && !problems.isEmpty()) {
                throw strictPatchError(patchType, patch, problems);
            }
            warnings = problems;
        }
        validator.ifPresent(v -> v.prune(patched));
        return patched;
    }

    /**
     * Server-side apply, once the patch is applied: the keys it repeats ({@code line 7: key "replicas" already set
     * in map}, see {@code Yaml.parseLenient}), which upstream's strict decoding of the patch reports then. Strict
     * fails with 400, Warn warns once per key. Unknown fields are not this check's: the apply's typed conversion
     * refuses them under every directive.
     */
    public void applied(List<String> repeatedKeys) {
        if (directive == Directive.IGNORE) {
            return;
        }
        if (directive == Directive.STRICT && !repeatedKeys.isEmpty()) {
            throw ApiException.badRequest("error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal"
                    + " errors:\n  " + String.join("\n  ", repeatedKeys));
        }
        warnings = repeatedKeys;
    }

    List<String> warnings() {
        return warnings;
    }

    private static ApiException strictPatchError(String patchType, JsonNode patch, List<String> problems) {
        String error = "strict decoding error: " + String.join(", ", problems);
        if (!patchType.equals(Patcher.STRATEGIC_MERGE_PATCH)) {
            return ApiException.badRequest(error);
        }
        return ApiException.invalidPatch(GoValues.plusV(patch), error);
    }
}
