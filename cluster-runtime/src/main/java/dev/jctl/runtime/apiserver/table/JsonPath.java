package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset printer columns use: fields ({@code .spec.cronSpec}, optionally in braces), indexes
 * ({@code [0]}), wildcards ({@code [*]}) and equality filters ({@code [?(@.type=="Ready")]}). As upstream's
 * table convertor, only the first result is used.
 */
final class JsonPath {
    private static final Pattern FILTER = Pattern.compile("\\?\\(@((?:\\.[^=!]+)+)\\s*==\\s*[\"']?([^\"')]*)[\"']?\\)");

    private final List<String> steps;

    private JsonPath(List<String> steps) {
        this.steps = steps;
    }

    static JsonPath parse(String expression) {
        String e = expression.trim();
        if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1);
        }
        List<String> steps = new ArrayList<>();
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < e.length() && e.charAt(end) != '.' && e.charAt(end) != '[') {
                    end++;
                }
                if (end > i + 1) {
                    steps.add(e.substring(i + 1, end));
                }
                i = end;
            } else if (c == '[') {
                int end = e.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in " + expression);
                }
                steps.add(e.substring(i, end + 1));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected " + c + " in " + expression);
            }
        }
        return new JsonPath(steps);
    }

    /** The first value the path reaches, or null. */
    JsonNode first(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (String step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(step, node, next);
            }
            current = next;
        }
        return current.isEmpty() ? null : current.get(0);
    }

    private static void apply(String step, JsonNode node, List<JsonNode> out) {
        if (!step.startsWith("[")) {
            if (node.has(step)) {
                out.add(node.get(step));
            }
            return;
        }
        String inner = step.substring(1, step.length() - 1).trim();
        if (inner.equals("*")) {
            node.elements().forEachRemaining(out::add);
            return;
        }
        Matcher filter = FILTER.matcher(inner);
        if (filter.matches()) {
            JsonPath field = parse(filter.group(1).trim());
            for (JsonNode item : node) {
                JsonNode value = field.first(item);
                if (value != null && value.asText().equals(filter.group(2))) {
                    out.add(item);
                }
            }
            return;
        }
        if (inner.matches("-?\\d+") && node.isArray()) {
            int index = Integer.parseInt(inner);
            int at = index < 0 ? node.size() + index : index;
            if (at >= 0 && at < node.size()) {
                out.add(node.get(at));
            }
        } else if (inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2) {
            String key = inner.substring(1, inner.length() - 1);
            if (node.has(key)) {
                out.add(node.get(key));
            }
        }
    }
}
