package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * kubectl's generic describer, for custom resources and kinds without a describer of their own: every field of
 * the object under a readable label ({@code apiVersion} → {@code API Version}), then the events.
 */
final class GenericDescriber implements KindDescriber {
    private static final Set<String> SKIPPED = Set.of(".metadata.managedFields", ".metadata.name",
            ".metadata.namespace", ".metadata.labels", ".metadata.annotations");
    private static final Set<String> ACRONYMS = Set.of("API", "URL", "UID", "OSB", "GUID");

    @Override
    public void describe(DescribeContext context, JsonNode object, PrefixWriter w) {
        JsonNode metadata = object.path("metadata");
        List<JsonNode> events = context.eventsAbout(object);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + Text.str(metadata.path("namespace")) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        content(w, 0, object, "");
        Sections.events(w, events);
    }

    private static void content(PrefixWriter w, int level, JsonNode map, String prefix) {
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        map.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        fields.forEach((field, value) -> {
            String path = prefix + "." + field;
            if (SKIPPED.contains(path)) {
                return;
            }
            if (value.isObject()) {
                w.write(level, label(field) + ":\n");
                content(w, level + 1, value, path);
            } else if (value.isArray()) {
                w.write(level, label(field) + ":\n");
                for (JsonNode child : value) {
                    if (child.isObject()) {
                        content(w, level + 1, child, path);
                    } else {
                        w.write(level + 1, goValue(child) + "\n");
                    }
                }
            } else {
                w.write(level, label(field) + ":\t" + goValue(value) + "\n");
            }
        });
    }

    /** kubectl's {@code smartLabelFor}: camel case split into title-cased words, known acronyms upper-cased. */
    static String label(String field) {
        if (!field.codePoints().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return field;
        }
        List<String> words = new ArrayList<>();
        for (String part : camelCaseSplit(field)) {
            if (part.equals("_")) {
                continue;
            }
            String upper = part.toUpperCase(java.util.Locale.ROOT);
            words.add(ACRONYMS.contains(upper) ? upper : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return String.join(" ", words);
    }

    /** fatih/camelcase's {@code Split}: runs of lower, upper, digit and other characters, "PDFLoader" → PDF Loader. */
    static List<String> camelCaseSplit(String text) {
        List<StringBuilder> runs = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.isLowerCase(c) ? 1 : Character.isUpperCase(c) ? 2 : Character.isDigit(c) ? 3 : 4;
            if (type == last) {
                runs.get(runs.size() - 1).append(c);
            } else {
                runs.add(new StringBuilder().append(c));
            }
            last = type;
        }
        for (int i = 0; i < runs.size() - 1; i++) {
            StringBuilder run = runs.get(i);
            if (Character.isUpperCase(run.charAt(0)) && Character.isLowerCase(runs.get(i + 1).charAt(0))) {
                runs.get(i + 1).insert(0, run.charAt(run.length() - 1));
                run.setLength(run.length() - 1);
            }
        }
        List<String> words = new ArrayList<>();
        runs.stream().filter(r -> !r.isEmpty()).forEach(r -> words.add(r.toString()));
        return words;
    }

    /** Go's {@code %v} of a decoded JSON value. */
    static String goValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "<nil>";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return goFloat(value.doubleValue());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(goValue(v)));
            return "[" + String.join(" ", items) + "]";
        }
        if (value.isObject()) {
            List<String> items = new ArrayList<>();
            new TreeMap<String, JsonNode>() { {
                value.fields().forEachRemaining(e -> put(e.getKey(), e.getValue()));
            } }.forEach((k, v) -> items.add(k + ":" + goValue(v)));
            return "map[" + String.join(" ", items) + "]";
        }
        return value.asText();
    }

    /** Go's {@code %v} of a float64: the shortest digits, with an exponent below 1e-4 and from 1e6 (json-decoded 1e6 prints as 1e+06). */
    static String goFloat(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = decimal.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        return decimal.toPlainString();
    }
}
