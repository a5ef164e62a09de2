package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.get.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How kubectl's describers turn API fields into text: timestamps, label maps, selectors, Go's {@code %v}. */
final class Text {
    /** Go's {@code time.RFC1123Z}, in the local time zone, as kubectl prints it. */
    private static final DateTimeFormatter RFC1123Z = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.US);
    /** What Go prints for a zero {@code metav1.Time}. */
    private static final String ZERO_TIME = "Mon, 01 Jan 0001 00:00:00 +0000";

    private Text() {
    }

    static String str(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** A timestamp as {@code Mon, 02 Jan 2006 15:04:05 -0700}; absent ones as Go's zero time. */
    static String timestamp(JsonNode node) {
        String text = str(node);
        if (text.isEmpty()) {
            return ZERO_TIME;
        }
        return RFC1123Z.format(Instant.parse(text).atZone(ZoneId.systemDefault()));
    }

    /** The age of a timestamp, as kubectl's {@code translateTimestampSince}. */
    static String since(JsonNode node) {
        String text = str(node);
        return text.isEmpty() ? "<unknown>" : HumanDuration.of(Duration.between(Instant.parse(text), Instant.now()));
    }

    static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** {@code labels.FormatLabels}: {@code a=b,c=d} sorted, or {@code <none>}. */
    static String labels(JsonNode node) {
        Map<String, String> map = map(node);
        if (map.isEmpty()) {
            return "<none>";
        }
        List<String> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }

    /** A {@code LabelSelector} as a selector string ({@code LabelSelectorAsSelector(...).String()}); empty for none. */
    static String selector(JsonNode selector) {
        if (!present(selector)) {
            return "";
        }
        List<String[]> all = new ArrayList<>();
        selector.path("matchLabels").fields().forEachRemaining(e ->
                all.add(new String[] {e.getKey(), e.getKey() + "=" + e.getValue().asText()}));
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            values.sort(null);
            String set = "(" + String.join(",", values) + ")";
            String text = switch (expression.path("operator").asText()) {
                case "In" -> key + " in " + set;
                case "NotIn" -> key + " notin " + set;
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                default -> key + " " + expression.path("operator").asText() + " " + set;
            };
            all.add(new String[] {key, text});
        }
        all.sort((a, b) -> a[0].compareTo(b[0]));
        List<String> texts = new ArrayList<>();
        all.forEach(r -> texts.add(r[1]));
        return String.join(",", texts);
    }

    /** {@code metav1.FormatLabelSelector}: the selector, {@code <none>} when empty. */
    static String formatSelector(JsonNode selector) {
        String text = selector(selector);
        return text.isEmpty() ? "<none>" : text;
    }

    /** Go's {@code %v} of a string slice: {@code [a b]}. */
    static String goList(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return "[" + String.join(" ", items) + "]";
    }

    /** Go's {@code %v} of an int-or-string. */
    static String intOrString(JsonNode node) {
        return node.isNumber() ? String.valueOf(node.asLong()) : str(node);
    }

    /** {@code Kind/name} of the controller owner reference, or empty. */
    static String controller(JsonNode object) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return owner.path("kind").asText() + "/" + owner.path("name").asText();
            }
        }
        return "";
    }

    /** The uid of the controller owner reference, or null. */
    static String controllerUid(JsonNode object) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return owner.path("uid").asText();
            }
        }
        return null;
    }

    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    static String orNone(String text) {
        return text.isEmpty() ? "<none>" : text;
    }
}
