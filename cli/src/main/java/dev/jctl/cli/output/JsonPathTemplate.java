package dev.jctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kubectl's {@code -o jsonpath=TEMPLATE} (client-go's jsonpath, with missing keys allowed as kubectl get sets
 * it): text with {@code {...}} actions holding paths ({@code .a.b}, {@code ['a.b']}, {@code [0]}, {@code [-1]},
 * {@code [1:3]}, {@code [*]}, {@code ..name}, {@code [?(@.x=="y")]}), {@code range}/{@code end} and quoted
 * literals ({@code {"\n"}}). Several results of one action are separated by a space; objects and arrays print as
 * compact JSON, scalars as text.
 */
public final class JsonPathTemplate {
    private final List<Node> nodes;

    private JsonPathTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    private sealed interface Node permits Text, Path, Range {
    }

    private record Text(String text) implements Node {
    }

    private record Path(List<String> steps) implements Node {
    }

    private record Range(Path over, List<Node> body) implements Node {
    }

    /** @throws IllegalArgumentException for a template kubectl would also refuse (unclosed action or range) */
    public static JsonPathTemplate parse(String template) {
        List<List<Node>> stack = new ArrayList<>();
        List<Path> ranges = new ArrayList<>();
        stack.add(new ArrayList<>());
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                text.append(c);
                i++;
                continue;
            }
            int end = closing(template, i);
            if (!text.isEmpty()) {
                stack.get(stack.size() - 1).add(new Text(text.toString()));
                text.setLength(0);
            }
            String action = template.substring(i + 1, end).trim();
            i = end + 1;
            if (action.startsWith("range ")) {
                ranges.add(path(action.substring("range ".length()).trim()));
                stack.add(new ArrayList<>());
            } else if (action.equals("end")) {
                if (ranges.isEmpty()) {
                    throw new IllegalArgumentException("not in range, nothing to end");
                }
                List<Node> body = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).add(new Range(ranges.remove(ranges.size() - 1), body));
            } else if (action.startsWith("\"")) {
                stack.get(stack.size() - 1).add(new Text(unquote(action)));
            } else {
                stack.get(stack.size() - 1).add(path(action));
            }
        }
        if (!text.isEmpty()) {
            stack.get(stack.size() - 1).add(new Text(text.toString()));
        }
        if (!ranges.isEmpty()) {
            throw new IllegalArgumentException("unclosed action");
        }
        return new JsonPathTemplate(stack.get(0));
    }

    private static int closing(String template, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '"' && template.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed action");
    }

    private static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        return body.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r").replace("\\\"", "\"")
                .replace("\\\\", "\\");
    }

    /** Splits {@code .a['b.c'][0]..d[?(@.x=="y")]} into steps: {@code a}, {@code [b.c]}, {@code [0]}, {@code ..d}, {@code [?...]}. */
    private static Path path(String expression) {
        List<String> steps = new ArrayList<>();
        String rest = expression.startsWith("$") ? expression.substring(1) : expression;
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '[') {
                int depth = 0;
                int j = i;
                boolean quoted = false;
                for (; j < rest.length(); j++) {
                    char d = rest.charAt(j);
                    if (d == '\'' || d == '"') {
                        quoted = !quoted;
                    } else if (!quoted && d == '[') {
                        depth++;
                    } else if (!quoted && d == ']' && --depth == 0) {
                        break;
                    }
                }
                steps.add(rest.substring(i, j + 1));
                i = j + 1;
            } else if (c == '.') {
                boolean recursive = i + 1 < rest.length() && rest.charAt(i + 1) == '.';
                int start = i + (recursive ? 2 : 1);
                int j = start;
                while (j < rest.length() && rest.charAt(j) != '.' && rest.charAt(j) != '[') {
                    j++;
                }
                String name = rest.substring(start, j);
                if (recursive) {
                    steps.add(".." + name);
                } else if (!name.isEmpty()) {
                    steps.add(name);
                }
                i = j;
            } else {
                int j = i;
                while (j < rest.length() && rest.charAt(j) != '.' && rest.charAt(j) != '[') {
                    j++;
                }
                steps.add(rest.substring(i, j));
                i = j;
            }
        }
        return new Path(steps);
    }

    /**
     * The values each path action of the template selects in {@code root}, in order (client-go's FindResults:
     * what custom columns, sorting and wait read).
     */
    public List<List<JsonNode>> results(JsonNode root) {
        List<List<JsonNode>> results = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Path p) {
                results.add(evaluate(p, root));
            }
        }
        return results;
    }

    public String execute(JsonNode root) {
        StringBuilder out = new StringBuilder();
        run(nodes, root, root, out);
        return out.toString();
    }

    private static void run(List<Node> nodes, JsonNode root, JsonNode current, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Path p) {
                List<JsonNode> results = evaluate(p, current);
                for (int i = 0; i < results.size(); i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    out.append(text(results.get(i)));
                }
            } else if (node instanceof Range r) {
                for (JsonNode item : evaluate(r.over(), current)) {
                    if (item.isArray()) {
                        for (JsonNode element : item) {
                            run(r.body(), root, element, out);
                        }
                    } else {
                        run(r.body(), root, item, out);
                    }
                }
            }
        }
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "<nil>";
        }
        return value.toString();
    }

    private static List<JsonNode> evaluate(Path path, JsonNode start) {
        List<JsonNode> current = List.of(start);
        for (String step : path.steps()) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                step(step, node, next);
            }
            current = next;
        }
        return current;
    }

    private static void step(String step, JsonNode node, List<JsonNode> out) {
        if (step.startsWith("..")) {
            descend(step.substring(2), node, out);
        } else if (step.startsWith("[?(") && step.endsWith(")]")) {
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (Filter.matches(step.substring(3, step.length() - 2), item)) {
                        out.add(item);
                    }
                }
            }
        } else if (step.startsWith("[")) {
            bracket(step.substring(1, step.length() - 1).trim(), node, out);
        } else if (step.equals("*")) {
            node.forEach(out::add);
        } else {
            JsonNode value = node.get(step);
            if (value != null) {
                out.add(value);
            }
        }
    }

    private static void bracket(String inside, JsonNode node, List<JsonNode> out) {
        if (inside.equals("*")) {
            node.forEach(out::add);
        } else if (inside.startsWith("'") || inside.startsWith("\"")) {
            for (String key : inside.split(",")) {
                JsonNode value = node.get(key.trim().substring(1, key.trim().length() - 1));
                if (value != null) {
                    out.add(value);
                }
            }
        } else if (node.isArray()) {
            if (inside.contains(":")) {
                String[] parts = inside.split(":", -1);
                int size = node.size();
                int from = parts[0].isBlank() ? 0 : index(Integer.parseInt(parts[0].trim()), size);
                int to = parts[1].isBlank() ? size : index(Integer.parseInt(parts[1].trim()), size);
                for (int i = Math.max(0, from); i < Math.min(size, to); i++) {
                    out.add(node.get(i));
                }
            } else {
                int i = index(Integer.parseInt(inside), node.size());
                if (i >= 0 && i < node.size()) {
                    out.add(node.get(i));
                } else {
                    throw new IllegalArgumentException("array index out of bounds: index " + inside + ", length "
                            + node.size());
                }
            }
        } else {
            JsonNode value = node.get(inside);
            if (value != null) {
                out.add(value);
            }
        }
    }

    private static int index(int i, int size) {
        return i < 0 ? i + size : i;
    }

    private static void descend(String name, JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals(name) || name.equals("*")) {
                    out.add(e.getValue());
                }
                descend(name, e.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> descend(name, item, out));
        }
    }

    /** {@code @.path OP literal} or {@code @.path} (exists), as client-go's filters. */
    private static final class Filter {
        private static final List<String> OPERATORS = List.of("==", "!=", ">=", "<=", ">", "<");

        static boolean matches(String expression, JsonNode item) {
            for (String op : OPERATORS) {
                int at = expression.indexOf(op);
                if (at > 0) {
                    List<JsonNode> left = evaluate(path(expression.substring(0, at).trim().substring(1)), item);
                    String literal = expression.substring(at + op.length()).trim();
                    return !left.isEmpty() && compare(left.get(0), literal, op);
                }
            }
            return !evaluate(path(expression.trim().substring(1)), item).isEmpty();
        }

        private static boolean compare(JsonNode value, String literal, String op) {
            if (literal.startsWith("'") || literal.startsWith("\"")) {
                String text = literal.substring(1, literal.length() - 1);
                int c = value.asText().compareTo(text);
                return test(c, op) && (value.isTextual() || !op.equals("=="));
            }
            try {
                double number = Double.parseDouble(literal);
                return value.isNumber() && test(Double.compare(value.asDouble(), number), op);
            } catch (NumberFormatException e) {
                return test(value.asText().compareTo(literal), op);
            }
        }

        private static boolean test(int c, String op) {
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c < 0;
            };
        }
    }
}
