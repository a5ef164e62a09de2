package dev.jctl.cli.wait;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.output.JsonPathTemplate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --for} waits for, parsed as kubectl wait parses it: {@code delete}, {@code create},
 * {@code condition=NAME[=VALUE]} or {@code jsonpath=EXPRESSION[=VALUE]}.
 */
public sealed interface WaitFor permits WaitFor.Delete, WaitFor.Create, WaitFor.ObjectCheck {

    /** The object is gone. */
    record Delete() implements WaitFor {
    }

    /** The named objects exist. */
    record Create() implements WaitFor {
    }

    /** A test of the object's state, made on every version of it seen until it passes. */
    sealed interface ObjectCheck extends WaitFor permits Condition, JsonPath {
        /** @throws IllegalStateException when the object can never pass (kubectl stops waiting then) */
        boolean isMet(JsonNode object);
    }

    /**
     * A status condition: the first of {@code status.conditions} whose type matches (ignoring case) has the
     * status (ignoring case), and it is not stale: its {@code observedGeneration}, else the status's, is not
     * behind {@code metadata.generation}.
     */
    record Condition(String type, String status) implements ObjectCheck {
        @Override
        public boolean isMet(JsonNode object) {
            for (JsonNode condition : object.path("status").path("conditions")) {
                if (!condition.path("type").isTextual() || !condition.path("type").asText().equalsIgnoreCase(type)
                        || !condition.path("status").isTextual()) {
                    continue;
                }
                JsonNode generation = object.path("metadata").path("generation");
                JsonNode observed = condition.has("observedGeneration") ? condition.path("observedGeneration")
                        : object.path("status").path("observedGeneration");
                if (generation.isIntegralNumber() && observed.isIntegralNumber()
                        && observed.asLong() < generation.asLong()) {
                    return false;
                }
                return condition.path("status").asText().equalsIgnoreCase(status);
            }
            return false;
        }
    }

    /** A JSONPath selecting one value: any value at all when {@code value} is null, else that value as text. */
    record JsonPath(JsonPathTemplate path, String value) implements ObjectCheck {
        @Override
        public boolean isMet(JsonNode object) {
            List<List<JsonNode>> results = path.results(object);
            if (results.isEmpty() || results.get(0).isEmpty()) {
                return false;
            }
            if (results.size() > 1) {
                throw new IllegalStateException("given jsonpath expression matches more than one list");
            }
            if (results.get(0).size() > 1) {
                throw new IllegalStateException("given jsonpath expression matches more than one value");
            }
            if (value == null) {
                return true;
            }
            JsonNode found = results.get(0).get(0);
            if (found.isContainerNode()) {
                throw new IllegalStateException("jsonpath leads to a nested object or list which is not supported");
            }
            return (found.isNull() ? "<nil>" : found.asText()).strip().equals(value.strip());
        }
    }

    /** kubectl's relaxed JSONPath forms: {@code a.b}, {@code .a.b}, {@code {a.b}} and {@code {.a.b}}. */
    Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)}$|^\\.?([^{}]+)$");

    /** @throws IllegalArgumentException with kubectl's message for a value it refuses */
    static WaitFor parse(String value) {
        String text = value == null ? "" : value;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("delete")) {
            return new Delete();
        }
        if (lower.equals("create")) {
            return new Create();
        }
        if (text.startsWith("condition=")) {
            String rest = text.substring("condition=".length());
            int equals = rest.indexOf('=');
            return equals < 0 ? new Condition(rest, "true")
                    : new Condition(rest.substring(0, equals), rest.substring(equals + 1));
        }
        if (text.startsWith("jsonpath=")) {
            return jsonPath(text.substring("jsonpath=".length()));
        }
        throw new IllegalArgumentException("unrecognized condition: \"" + text + "\"");
    }

    private static JsonPath jsonPath(String input) {
        List<String> parts = splitOnSingleEquals(input);
        if (parts.size() > 2) {
            throw new IllegalArgumentException("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 "
                    + "or --for=jsonpath='{.status.readyReplicas}'");
        }
        String expression = relaxed(parts.get(0));
        String expected = null;
        if (parts.size() == 2) {
            expected = parts.get(1).replaceAll("^['\"]+|['\"]+$", "");
            if (expected.isEmpty()) {
                throw new IllegalArgumentException("jsonpath wait has to have a value after equal sign, like "
                        + "--for=jsonpath='{.status.readyReplicas}'=3");
            }
        }
        if (expression.isEmpty()) {
            throw new IllegalArgumentException("jsonpath expression cannot be empty");
        }
        return new JsonPath(JsonPathTemplate.parse(expression), expected);
    }

    private static String relaxed(String expression) {
        if (expression.isEmpty()) {
            return expression;
        }
        Matcher m = RELAXED.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected path string, expected a 'name1.name2' or '.name1.name2' or "
                    + "'{name1.name2}' or '{.name1.name2}'");
        }
        return "{." + (m.group(1) != null ? m.group(1) : m.group(2)) + "}";
    }

    /** Splits on each single {@code =}; {@code ==} (as in a filter) stays in the part. */
    private static List<String> splitOnSingleEquals(String input) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '=' && i + 1 < input.length() && input.charAt(i + 1) == '=') {
                part.append("==");
                i++;
            } else if (c == '=') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
