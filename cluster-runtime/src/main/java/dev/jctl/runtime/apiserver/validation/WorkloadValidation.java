package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * apps/v1 Deployment, ReplicaSet, DaemonSet and StatefulSet (apis/apps/validation and the registries' update
 * strategies): a selector is required and must select the pod template; the selector cannot change once set,
 * and a StatefulSet's spec cannot change beyond the fields upstream lets it.
 */
final class WorkloadValidation {
    /** What ValidateStatefulSetUpdate copies from the old spec before it compares the rest. */
    private static final List<String> STATEFULSET_MUTABLE = List.of("replicas", "ordinals", "template",
            "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

    private WorkloadValidation() {
    }

    static void validate(String kind, ObjectNode object, ObjectNode old, Causes causes) {
        JsonNode spec = object.path("spec");
        JsonNode selector = spec.get("selector");
        boolean missing = selector == null || selector.isNull();
        if (missing) {
            causes.required("spec.selector");
        } else if (kind.equals("Deployment") && LabelSelectors.isEmpty(selector)) {
            causes.invalid("spec.selector", GoValues.labelSelector(selector), "empty selector is invalid for deployment");
        }
        JsonNode template = spec.path("template");
        // an empty selector selects every template; a missing one selects none (labels.Nothing)
        if ((missing || !LabelSelectors.isEmpty(selector))
                && !LabelSelectors.matches(selector, template.path("metadata").path("labels"))) {
            causes.invalid("spec.template.metadata.labels", GoValues.stringMap(template.path("metadata")
                    .get("labels")), "`selector` does not match template `labels`");
        }
        PodValidation.podSpec(template.path("spec"), "spec.template.spec", causes);
        if (old == null) {
            return;
        }
        JsonNode oldSpec = old.path("spec");
        if (kind.equals("StatefulSet")) {
            if (!Semantic.equal(withoutMutable(spec), withoutMutable(oldSpec))) {
                causes.forbidden("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals',"
                        + " 'template', 'updateStrategy', 'revisionHistoryLimit',"
                        + " 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
            }
        } else if (!Semantic.equal(selector, oldSpec.get("selector"))) {
            causes.invalid("spec.selector", GoValues.labelSelector(selector), "field is immutable");
        }
    }

    private static JsonNode withoutMutable(JsonNode spec) {
        if (!(spec instanceof ObjectNode object)) {
            return spec;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(STATEFULSET_MUTABLE);
        return copy;
    }
}
