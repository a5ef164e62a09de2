package dev.jctl.cli.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.diff.io.GoStrings;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code label} and {@code annotate}: edits one map of an object's metadata as kubectl does — the pairs checked
 * on the command line, existing keys refused without {@code --overwrite}, the change sent as a JSON merge patch
 * of the object (carrying {@code metadata.resourceVersion} when one is given, which makes the server refuse a
 * changed object), and kubectl's word for what happened.
 */
public final class MetadataEditor {
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final int LABEL_VALUE_MAX = 63;
    /** kubectl always lets the change-cause annotation be overwritten (it used to write it itself with --record). */
    private static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    /** The metadata map edited, with kubectl's words for it. */
    public enum Field {
        LABELS("labels", "label", "kubectl-label"), ANNOTATIONS("annotations", "annotation", "kubectl-annotate");

        private final String member;
        private final String noun;
        private final String fieldManager;

        Field(String member, String noun, String fieldManager) {
            this.member = member;
            this.noun = noun;
            this.fieldManager = fieldManager;
        }

        public String noun() {
            return noun;
        }

        /** The field manager kubectl names in its requests ({@code --field-manager}'s default). */
        public String fieldManager() {
            return fieldManager;
        }

        /** The object's map, in its own order; empty when it has none. */
        public Map<String, String> of(JsonNode object) {
            Map<String, String> values = new LinkedHashMap<>();
            object.path("metadata").path(member).properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            return values;
        }
    }

    /** The command line split as kubectl's GetResourcesAndPairs does: resources first, then the pairs. */
    public record Arguments(List<String> resources, List<String> pairs) {
        public static Arguments split(List<String> arguments, Field field) {
            List<String> resources = new ArrayList<>();
            List<String> pairs = new ArrayList<>();
            for (String argument : arguments) {
                boolean pair = argument.contains("=") && argument.charAt(0) != '='
                        || argument.endsWith("-") && !argument.equals("-");
                if (pair) {
                    pairs.add(argument);
                } else if (!pairs.isEmpty()) {
                    throw new IllegalArgumentException("all resources must be specified before " + field.noun()
                            + " changes: " + argument);
                }
                else {
                    resources.add(argument);
                }
            }
            return new Arguments(List.copyOf(resources), List.copyOf(pairs));
        }
    }

    /** {@code KEY=VALUE} to set (the last value of a key wins) and {@code KEY-} to remove. */
    public record Changes(Map<String, String> set, List<String> remove) {
        public boolean isEmpty() {
            return set.isEmpty() && remove.isEmpty();
        }

        /**
         * The pairs as kubectl reads them for the field: a label value must be a valid label value and a label
         * pair has exactly one {@code =}; an annotation value is anything after the first {@code =}.
         */
        public static Changes parse(Field field, List<String> pairs) {
            Map<String, String> set = new LinkedHashMap<>();
            List<String> remove = new ArrayList<>();
            for (String pair : pairs) {
                if (field == Field.LABELS && pair.contains("=")) {
                    String[] parts = pair.split("=", -1);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("invalid label spec: " + pair);
                    }
                    List<String> problems = labelValueProblems(parts[1]);
                    if (!problems.isEmpty()) {
                        throw new IllegalArgumentException("invalid label value: " + GoStrings.quote(pair) + ": "
                                + String.join(";", problems));
                    }
                    set.put(parts[0], parts[1]);
                } else if (field == Field.ANNOTATIONS && pair.contains("=") && pair.charAt(0) != '=') {
                    int equals = pair.indexOf('=');
                    set.put(pair.substring(0, equals), pair.substring(equals + 1));
                } else {
                    remove.add(pair.substring(0, pair.length() - 1));
                }
            }
            List<String> both = remove.stream().filter(set::containsKey).toList();
            if (!both.isEmpty()) {
                throw new IllegalArgumentException(field == Field.LABELS
                        ? "can not both modify and remove a label in the same command"
                        : "can not both modify and remove the following annotation(s) in the same command: "
                        + String.join(", ", both));
            }
            return new Changes(set, remove);
        }
    }

    /** The pairs would overwrite existing values and {@code --overwrite} was not given. */
    public static final class OverwriteException extends RuntimeException {
        private final List<String> messages;

        OverwriteException(List<String> messages) {
            super(String.join("\n", messages));
            this.messages = List.copyOf(messages);
        }

        /** One message per refused key for labels (kubectl's aggregate), a single one for annotations. */
        public List<String> messages() {
            return messages;
        }
    }

    /**
     * An object before and after the edit, as kubectl compares them: with a {@code --resource-version}, the
     * version is left out of {@code before} and set in {@code after}, so that the patch always carries it.
     *
     * @param operation {@code labeled}, {@code unlabeled}, {@code not labeled} or {@code annotated}
     * @param absent    keys asked to be removed that the object does not have
     */
    public record Edit(ObjectNode before, ObjectNode after, String operation, List<String> absent) {
        /** The JSON merge patch kubectl sends: what differs between before and after, nulls for removed keys. */
        public JsonNode patch() {
            return JsonMergePatch.createTwoWay(before, after);
        }

        public boolean changes() {
            return !patch().isEmpty();
        }
    }

    private final Field field;

    public MetadataEditor(Field field) {
        this.field = field;
    }

    /** Applies the changes to a copy of {@code object}; {@code resourceVersion} null or empty for none. */
    public Edit edit(JsonNode object, Changes changes, boolean overwrite, String resourceVersion) {
        ObjectNode before = object.deepCopy();
        boolean pinned = resourceVersion != null && !resourceVersion.isEmpty();
        if (pinned) {
            before.withObjectProperty("metadata").remove("resourceVersion");
        }
        Map<String, String> current = field.of(object);
        if (!overwrite) {
            refuseOverwrites(current, changes.set());
        }
        ObjectNode after = before.deepCopy();
        // kubectl sets the map even when it ends up empty, so the object then has "labels": {}.
        ObjectNode values = after.withObjectProperty("metadata").withObjectProperty(field.member);
        changes.set().forEach(values::put);
        changes.remove().forEach(values::remove);
        if (pinned) {
            after.withObjectProperty("metadata").put("resourceVersion", resourceVersion);
        }
        List<String> absent = changes.remove().stream().filter(k -> !current.containsKey(k)).toList();
        return new Edit(before, after, operation(before, after, overwrite), absent);
    }

    /** kubectl 1.32's wording: annotate always says annotated; label compares the serialized objects. */
    private String operation(ObjectNode before, ObjectNode after, boolean overwrite) {
        if (field == Field.ANNOTATIONS) {
            return "annotated";
        }
        if (before.equals(after)) {
            return "not labeled";
        }
        boolean shorter = after.toString().getBytes(StandardCharsets.UTF_8).length
                < before.toString().getBytes(StandardCharsets.UTF_8).length;
        return !overwrite && shorter ? "unlabeled" : "labeled";
    }

    private void refuseOverwrites(Map<String, String> current, Map<String, String> set) {
        List<String> refused = new ArrayList<>();
        // kubectl walks a Go map here, in no fixed order; sorted keys make the message reproducible.
        for (Map.Entry<String, String> e : new TreeMap<>(set).entrySet()) {
            String now = current.get(e.getKey());
            if (now == null || now.equals(e.getValue()) || field == Field.ANNOTATIONS && e.getKey().equals(CHANGE_CAUSE)) {
                continue;
            }
            refused.add(field == Field.LABELS
                    ? "'" + e.getKey() + "' already has a value (" + now + "), and --overwrite is false"
                    : "'" + e.getKey() + "' already has a value (" + now + ")");
        }
        if (refused.isEmpty()) {
            return;
        }
        throw new OverwriteException(field == Field.LABELS ? refused : List.of(
                "--overwrite is false but found the following declared annotation(s): " + String.join("; ", refused)));
    }

    /**
     * Sends the edit as kubectl does, a JSON merge patch with its field manager ({@code dryRun=All} for a server
     * dry run), and returns the server's answer; an edit that changes nothing is not sent and the object read
     * is returned.
     */
    public JsonNode send(Connection connection, ObjectFinder.Item item, Edit edit, DryRun dryRun, String fieldManager) {
        JsonNode patch = edit.patch();
        if (patch.isEmpty()) {
            return item.object();
        }
        String query = "?fieldManager=" + URLEncoder.encode(fieldManager, StandardCharsets.UTF_8)
                + (dryRun == DryRun.SERVER ? "&dryRun=All" : "");
        return connection.send(new Connection.Request("PATCH", item.resource().objectPath(item.namespace(),
                item.name()) + query, "application/merge-patch+json", patch.toString(), "application/json"));
    }

    /** kubectl's label value rule (apimachinery's IsValidLabelValue), each problem in its words. */
    static List<String> labelValueProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > LABEL_VALUE_MAX) {
            problems.add("must be no more than " + LABEL_VALUE_MAX + " characters");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            problems.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
                    + "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
                    + "or '12345', regex used for validation is '" + LABEL_VALUE.pattern() + "')");
        }
        return problems;
    }
}
