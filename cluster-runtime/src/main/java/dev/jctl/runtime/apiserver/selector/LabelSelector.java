package dev.jctl.runtime.apiserver.selector;

import dev.jctl.runtime.apiserver.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector} query parameter in the grammar of apimachinery's labels.Parse: comma-separated
 * requirements {@code k}, {@code !k}, {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)},
 * {@code k notin (a,b)}, {@code k>n}, {@code k<n}.
 */
public final class LabelSelector implements Predicate<Map<String, String>> {
    private enum Op { EXISTS, NOT_EXISTS, EQUALS, NOT_EQUALS, IN, NOT_IN, GT, LT }

    private record Requirement(String key, Op op, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (op) {
                case EXISTS -> value != null;
                case NOT_EXISTS -> value == null;
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case GT, LT -> value != null && compare(value);
            };
        }

        private boolean compare(String value) {
            try {
                long actual = Long.parseLong(value);
                long bound = Long.parseLong(values.iterator().next());
                return op == Op.GT ? actual > bound : actual < bound;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    private static final Pattern SET_REQUIREMENT = Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$");

    public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            requirements.add(requirement(part.trim(), text));
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    @Override
    public boolean test(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Splits on commas outside parentheses, so {@code a in (x,y),b} gives two requirements. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Requirement requirement(String part, String whole) {
        if (part.isEmpty()) {
            throw invalid(whole);
        }
        if (part.startsWith("!")) {
            return new Requirement(key(part.substring(1).trim(), whole), Op.NOT_EXISTS, Set.of());
        }
        Matcher set = SET_REQUIREMENT.matcher(part);
        if (set.matches()) {
            List<String> values = new ArrayList<>();
            for (String v : set.group(3).split(",")) {
                values.add(value(v.trim(), whole));
            }
            Op op = set.group(2).equals("in") ? Op.IN : Op.NOT_IN;
            return new Requirement(key(set.group(1), whole), op, Set.copyOf(values));
        }
        for (String[] operator : new String[][]{{"==", "EQUALS"}, {"!=", "NOT_EQUALS"}, {"=", "EQUALS"},
                {">", "GT"}, {"<", "LT"}}) {
            int at = part.indexOf(operator[0]);
            if (at > 0) {
                String key = key(part.substring(0, at).trim(), whole);
                String value = value(part.substring(at + operator[0].length()).trim(), whole);
                return new Requirement(key, Op.valueOf(operator[1]), Set.of(value));
            }
        }
        return new Requirement(key(part, whole), Op.EXISTS, Set.of());
    }

    private static String key(String key, String whole) {
        if (!key.matches("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            throw invalid(whole);
        }
        return key;
    }

    private static String value(String value, String whole) {
        if (!value.isEmpty() && !value.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            throw invalid(whole);
        }
        return value;
    }

    private static ApiException invalid(String whole) {
        return ApiException.badRequest("unable to parse requirement: found '" + whole
                + "', expected: identifier, !, in, notin, =, ==, !=, gt, lt");
    }
}
