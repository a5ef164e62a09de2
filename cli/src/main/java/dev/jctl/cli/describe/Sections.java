package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The sections many describers share: labels, annotations, taints, tolerations and the Events table. */
final class Sections {
    /** kubectl hides the client-side apply annotation from describe. */
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final int MAX_ANNOTATION = 140;

    private Sections() {
    }

    /** {@code Labels:  a=b} with further pairs aligned under the first, or {@code <none>}. */
    static void labels(PrefixWriter w, String title, JsonNode labels) {
        labels(w, "", title, "\t", labels);
    }

    static void labels(PrefixWriter w, String initialIndent, String title, String innerIndent, JsonNode labels) {
        w.write(0, initialIndent + title + ":" + innerIndent);
        Map<String, String> map = Text.map(labels);
        if (map.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> label : map.entrySet()) {
            if (!first) {
                w.write(0, initialIndent).write(0, innerIndent);
            }
            first = false;
            w.write(0, label.getKey() + "=" + label.getValue() + "\n");
        }
    }

    /**
     * {@code title:} at {@code level} and the items one a line, aligned under the first (kubectl's node selector
     * and topology term listings), or {@code <none>}.
     */
    static void terms(PrefixWriter w, int level, String title, List<String> items) {
        w.write(level, title + ":\t");
        if (items.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                w.write(level, "\t");
            }
            w.write(0, items.get(i) + "\n");
        }
    }

    /** A requirement as {@code key operator [v1, v2]}, the values left out when there are none. */
    static String requirement(String key, String operator, JsonNode values) {
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        return key + " " + operator + (list.isEmpty() ? "" : " [" + String.join(", ", list) + "]");
    }

    /** Annotations, the long or multi-line ones below their key and cut at 140 characters. */
    static void annotations(PrefixWriter w, String title, JsonNode annotations) {
        w.write(0, title + ":\t");
        Map<String, String> map = Text.map(annotations);
        map.remove(LAST_APPLIED);
        if (map.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> annotation : map.entrySet()) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String key = annotation.getKey();
            String value = annotation.getValue().endsWith("\n")
                    ? annotation.getValue().substring(0, annotation.getValue().length() - 1) : annotation.getValue();
            if (value.length() + key.length() + 2 > MAX_ANNOTATION || value.contains("\n")) {
                w.write(0, key + ":\n");
                for (String line : value.split("\n", -1)) {
                    w.write(0, "\t  " + shorten(line, MAX_ANNOTATION - 2) + "\n");
                }
            } else {
                w.write(0, key + ": " + value + "\n");
            }
        }
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }

    /** Taints as {@code key=value:Effect}, sorted by effect then key. */
    static void taints(PrefixWriter w, String title, JsonNode taints) {
        w.write(0, title + ":\t");
        if (taints.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        taints.forEach(sorted::add);
        sorted.sort(Comparator.comparing(t -> t.path("effect").asText() + "," + t.path("key").asText()));
        boolean first = true;
        for (JsonNode taint : sorted) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String value = Text.str(taint.path("value"));
            w.write(0, taint.path("key").asText() + (value.isEmpty() ? "" : "=" + value) + ":"
                    + taint.path("effect").asText() + "\n");
        }
    }

    /** Tolerations sorted by key: {@code key=value:Effect op=Exists for 300s}. */
    static void tolerations(PrefixWriter w, String title, JsonNode tolerations) {
        w.write(0, title + ":\t");
        if (tolerations.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        tolerations.forEach(sorted::add);
        sorted.sort(Comparator.comparing(t -> Text.str(t.path("key"))));
        boolean first = true;
        for (JsonNode toleration : sorted) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String key = Text.str(toleration.path("key"));
            String value = Text.str(toleration.path("value"));
            String effect = Text.str(toleration.path("effect"));
            StringBuilder line = new StringBuilder(key);
            if (!value.isEmpty()) {
                line.append('=').append(value);
            }
            if (!effect.isEmpty()) {
                line.append(':').append(effect);
            }
            if ("Exists".equals(Text.str(toleration.path("operator"))) && value.isEmpty()) {
                line.append(key.isEmpty() && effect.isEmpty() ? "op=Exists" : " op=Exists");
            }
            if (Text.present(toleration.path("tolerationSeconds"))) {
                line.append(" for ").append(toleration.path("tolerationSeconds").asLong()).append('s');
            }
            w.write(0, line + "\n");
        }
    }

    /**
     * The Events table, sorted by last timestamp (stably), aligned on its own; {@code Events:  <none>} when
     * there are none. Nothing when events are not shown ({@code events} null).
     */
    /** The {@code Conditions:} table of Deployments and ReplicaSets; nothing when there are none. */
    static void typeStatusReasonConditions(PrefixWriter w, JsonNode conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
        w.write(1, "----\t------\t------\n");
        for (JsonNode c : conditions) {
            w.write(1, Text.str(c.path("type")) + " \t" + Text.str(c.path("status")) + "\t"
                    + Text.str(c.path("reason")) + "\n");
        }
    }

    static void events(PrefixWriter w, List<JsonNode> events) {
        if (events == null) {
            return;
        }
        if (events.isEmpty()) {
            w.write(0, "Events:\t<none>\n");
            return;
        }
        w.flush();
        List<JsonNode> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(e -> instant(e.path("lastTimestamp"))));
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        w.write(1, "----\t------\t----\t----\t-------\n");
        for (JsonNode event : sorted) {
            String first = Text.present(event.path("eventTime")) ? Text.since(event.path("eventTime"))
                    : Text.since(event.path("firstTimestamp"));
            String interval;
            JsonNode series = event.path("series");
            if (Text.present(series)) {
                interval = Text.since(series.path("lastObservedTime")) + " (x" + series.path("count").asLong()
                        + " over " + first + ")";
            } else if (event.path("count").asLong(0) > 1) {
                interval = Text.since(event.path("lastTimestamp")) + " (x" + event.path("count").asLong()
                        + " over " + first + ")";
            } else {
                interval = first;
            }
            String source = Text.str(event.path("source").path("component"));
            if (source.isEmpty()) {
                source = Text.str(event.path("reportingComponent"));
            }
            w.write(1, Text.str(event.path("type")) + "\t" + Text.str(event.path("reason")) + "\t" + interval
                    + "\t" + source + "\t" + Text.str(event.path("message")).strip() + "\n");
        }
    }

    private static java.time.Instant instant(JsonNode timestamp) {
        String text = Text.str(timestamp);
        return text.isEmpty() ? java.time.Instant.MIN : java.time.Instant.parse(text);
    }
}
