package dev.jctl.runtime.apiserver.selector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.GoStrings;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A parsed {@code fieldSelector}: {@code f=v}, {@code f==v}, {@code f!=v} joined by commas, with {@code \,},
 * {@code \=} and {@code \\} escapes in values, parsed as apimachinery's fields.ParseSelector parses it (terms
 * sorted, empty ones skipped) and then checked against the field labels the kind's scheme converts, with that
 * conversion's error for any other label: the kinds with a conversion of their own accept their lists, every
 * other built-in kind only metadata.name and metadata.namespace, custom resources metadata.name, metadata.namespace
 * when namespaced and their version's selectableFields.
 */
public final class FieldSelector implements Predicate<JsonNode> {
    private record Term(String field, String value, boolean negated) {
    }

    /** A kind's field label conversion: the labels it accepts, those it renames, and its error for the others. */
    private record Labels(Set<String> accepted, Map<String, String> renamed, UnaryOperator<String> refusal) {
        static Labels of(UnaryOperator<String> refusal, String... accepted) {
            return new Labels(Set.of(accepted), Map.of(), refusal);
        }

        Labels renaming(String from, String to) {
            return new Labels(accepted, Map.of(from, to), refusal);
        }

        String convert(String label) {
            if (accepted.contains(label)) {
                return label;
            }
            String renamedTo = renamed.get(label);
            if (renamedTo == null) {
                throw ApiException.badRequest(refusal.apply(label));
            }
            return renamedTo;
        }
    }

    private static final String NAME = "metadata.name";
    private static final String NAMESPACE = "metadata.namespace";
    private static final UnaryOperator<String> NOT_SUPPORTED = label -> "field label not supported: " + label;

    /** runtime.DefaultMetaV1FieldSelectorConversion, for kinds without a conversion of their own. */
    private static final Labels DEFAULT = Labels.of(label -> GoStrings.quote(label)
            + " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"", NAME, NAMESPACE);

    /** The conversions of pkg/apis/{core,batch,events}/v1, keyed by "group/Kind" ("" group for core). */
    private static final Map<String, Labels> BY_KIND = Map.of(
            "/Pod", Labels.of(NOT_SUPPORTED, NAME, NAMESPACE, "spec.nodeName", "spec.restartPolicy",
                    "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase",
                    "status.podIP", "status.podIPs", "status.nominatedNodeName")
                    // what clients of the old v1 API sent
                    .renaming("spec.host", "spec.nodeName"),
            "/Node", Labels.of(NOT_SUPPORTED, NAME, "spec.unschedulable"),
            "/ReplicationController", Labels.of(NOT_SUPPORTED, NAME, NAMESPACE, "status.replicas"),
            "/Event", Labels.of(NOT_SUPPORTED, NAME, NAMESPACE, "involvedObject.kind", "involvedObject.namespace",
                    "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
                    "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent",
                    "source", "type"),
            "/Namespace", Labels.of(NOT_SUPPORTED, NAME, "status.phase"),
            "/Secret", Labels.of(NOT_SUPPORTED, NAME, NAMESPACE, "type"),
            "/Service", Labels.of(NOT_SUPPORTED, NAME, NAMESPACE, "spec.clusterIP", "spec.type"),
            "batch/Job", Labels.of(label -> "field label " + GoStrings.quote(label) + " not supported for batchv1.Job",
                    NAME, NAMESPACE, "status.successful"),
            "events.k8s.io/Event", Labels.of(NOT_SUPPORTED, NAME, NAMESPACE, "regarding.kind", "regarding.namespace",
                    "regarding.name", "regarding.uid", "regarding.apiVersion", "regarding.resourceVersion",
                    "regarding.fieldPath", "reason", "reportingController", "source", "type"));

    public static final FieldSelector EVERYTHING = new FieldSelector(List.of(), false);

    private final List<Term> terms;
    private final boolean custom;

    private FieldSelector(List<Term> terms, boolean custom) {
        this.terms = terms;
        this.custom = custom;
    }

    /** @throws ApiException 400 with apimachinery's parse error, or the kind's conversion error for a label */
    public static FieldSelector parse(String text, KindInfo kind) {
        if (text == null || text.isEmpty()) {
            return EVERYTHING;
        }
        List<Term> parsed = new ArrayList<>();
        for (String part : splitTerms(text)) {
            if (!part.isEmpty()) {
                parsed.add(parseTerm(text, part));
            }
        }
        Labels labels = labels(kind);
        List<Term> converted = new ArrayList<>();
        for (Term term : parsed) {
            converted.add(new Term(labels.convert(term.field()), term.value(), term.negated()));
        }
        return new FieldSelector(List.copyOf(converted), kind.custom() != null);
    }

    private static Labels labels(KindInfo kind) {
        CustomResource custom = kind.custom();
        if (custom == null) {
            return BY_KIND.getOrDefault(kind.group() + "/" + kind.kind(), DEFAULT);
        }
        Set<String> accepted = new HashSet<>(custom.selectableFields());
        accepted.add(NAME);
        if (kind.namespaced()) {
            accepted.add(NAMESPACE);
        }
        return new Labels(accepted, Map.of(), NOT_SUPPORTED);
    }

    /** The comma-separated terms, sorted; an escaped comma belongs to its term. */
    private static List<String> splitTerms(String text) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                terms.add(text.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(text.substring(start));
        Collections.sort(terms);
        return terms;
    }

    /** Splits at the first operator, trying {@code !=}, {@code ==}, {@code =} at each position; unescapes the value. */
    private static Term parseTerm(String selector, String term) {
        for (int i = 0; i < term.length(); i++) {
            for (String op : List.of("!=", "==", "=")) {
                if (term.startsWith(op, i)) {
                    return new Term(term.substring(0, i), unescape(term.substring(i + op.length())), op.equals("!="));
                }
            }
        }
        throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + term + "'");
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            int c = value.codePointAt(i);
            if (escaped) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\"
                            + Character.toString(c));
                }
                out.appendCodePoint(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '=') {
                // Go prints the rune with %v: its number
                throw ApiException.badRequest("invalid field selector: unescaped character in value: " + c);
            } else {
                out.appendCodePoint(c);
            }
        }
        if (escaped) {
            throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\");
        }
        return out.toString();
    }

    @Override
    public boolean test(JsonNode object) {
        for (Term t : terms) {
            String value = custom ? text(object, t.field(), "") : fieldValue(object, t.field());
            if (value.equals(t.value()) == t.negated()) {
                return false;
            }
        }
        return true;
    }

    /** The value a built-in kind's selectable field set (its registry's ToSelectableFields) gives the label. */
    private static String fieldValue(JsonNode object, String field) {
        return switch (field) {
            // the reporting component, held in deprecatedSource by an events.k8s.io/v1 Event
            case "source" -> text(object, object.has("deprecatedSource") ? "deprecatedSource.component"
                    : "source.component", "");
            case "spec.hostNetwork", "spec.unschedulable" -> text(object, field, "false");
            case "status.replicas" -> text(object, field, "0");
            // Job's label for its succeeded count
            case "status.successful" -> text(object, "status.succeeded", "0");
            // accepted by the pod conversion but not among a pod's selectable fields: always empty
            case "status.podIPs" -> "";
            default -> text(object, field, "");
        };
    }

    private static String text(JsonNode object, String path, String absent) {
        JsonNode node = object;
        for (String segment : path.split("\\.")) {
            node = node == null ? null : node.get(segment);
        }
        return node == null || node.isNull() ? absent : node.asText();
    }
}
