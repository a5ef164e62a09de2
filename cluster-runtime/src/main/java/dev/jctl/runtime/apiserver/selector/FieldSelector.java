package dev.jctl.runtime.apiserver.selector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed {@code fieldSelector}: {@code f=v}, {@code f==v}, {@code f!=v} joined by commas, over the fields each
 * kind supports upstream (its registry's GetAttrs / field label conversion); anything else is a 400 as upstream.
 */
public final class FieldSelector implements Predicate<JsonNode> {
    private record Term(String field, String value, boolean negated) {
    }

    private static final Set<String> COMMON = Set.of("metadata.name", "metadata.namespace");

    /** Fields beyond metadata.name/namespace, keyed by "group/Kind" ("" group for core). */
    private static final Map<String, Set<String>> BY_KIND = Map.of(
            "/Pod", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                    "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
            "/Event", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
            "/Secret", Set.of("type"),
            "/Node", Set.of("spec.unschedulable"),
            "/Namespace", Set.of("status.phase"),
            "/ReplicationController", Set.of("status.replicas"),
            "apps/ReplicaSet", Set.of("status.replicas"),
            "batch/Job", Set.of("status.successful"),
            "events.k8s.io/Event", Set.of("regarding.kind", "regarding.namespace", "regarding.name",
                    "regarding.uid", "regarding.apiVersion", "regarding.resourceVersion", "regarding.fieldPath",
                    "reason", "reportingController", "source", "type"));

    public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = terms;
    }

    public static FieldSelector parse(String text, String group, String kind) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        Set<String> supported = BY_KIND.getOrDefault(group + "/" + kind, Set.of());
        List<Term> terms = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int at;
            Term term;
            if ((at = p.indexOf("!=")) > 0) {
                term = new Term(p.substring(0, at).trim(), p.substring(at + 2).trim(), true);
            } else if ((at = p.indexOf("==")) > 0) {
                term = new Term(p.substring(0, at).trim(), p.substring(at + 2).trim(), false);
            } else if ((at = p.indexOf('=')) > 0) {
                term = new Term(p.substring(0, at).trim(), p.substring(at + 1).trim(), false);
            } else {
                throw ApiException.badRequest("invalid selector: '" + text + "'; can't understand '" + p + "'");
            }
            if (!COMMON.contains(term.field()) && !supported.contains(term.field())) {
                throw ApiException.badRequest("field label not supported: " + term.field());
            }
            terms.add(term);
        }
        return new FieldSelector(List.copyOf(terms));
    }

    @Override
    public boolean test(JsonNode object) {
        for (Term t : terms) {
            if (fieldValue(object, t.field()).equals(t.value()) == t.negated()) {
                return false;
            }
        }
        return true;
    }

    private static String fieldValue(JsonNode object, String field) {
        // "source" selects the reporting component, held in deprecatedSource by an events.k8s.io/v1 Event
        String path = !field.equals("source") ? field
                : object.has("deprecatedSource") ? "deprecatedSource.component" : "source.component";
        JsonNode node = object;
        for (String segment : path.split("\\.")) {
            node = node == null ? null : node.get(segment);
        }
        if (node == null || node.isNull()) {
            return field.equals("spec.unschedulable") || field.equals("spec.hostNetwork") ? "false" : "";
        }
        return node.asText();
    }
}
