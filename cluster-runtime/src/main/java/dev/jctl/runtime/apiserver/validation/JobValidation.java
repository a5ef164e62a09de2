package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * batch/v1 Job (apis/batch/validation ValidateJobSpecUpdate): the pod template needs containers, and the
 * template and selector cannot change once the Job exists. Upstream prints the changed template as a Go struct
 * dump ({@code core.PodTemplateSpec{...}}); it is printed here as its JSON, which says the same thing.
 * Upstream's exception for the scheduling directives of a suspended Job that never started is not made.
 */
final class JobValidation {
    private JobValidation() {
    }

    static void validate(ObjectNode object, ObjectNode old, Causes causes) {
        JsonNode spec = object.path("spec");
        PodValidation.podSpec(spec.path("template").path("spec"), "spec.template.spec", causes);
        if (old == null) {
            return;
        }
        JsonNode oldSpec = old.path("spec");
        if (!Semantic.equal(spec.get("selector"), oldSpec.get("selector"))) {
            causes.invalid("spec.selector", GoValues.labelSelector(spec.get("selector")), "field is immutable");
        }
        if (!Semantic.equal(spec.get("template"), oldSpec.get("template"))) {
            causes.invalid("spec.template", spec.path("template").toString(), "field is immutable");
        }
    }
}
