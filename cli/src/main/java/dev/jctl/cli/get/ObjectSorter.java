package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.output.JsonPathTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's {@code --sort-by=JSONPATH}: orders objects (or a Table's rows, by their objects) by the first value the
 * path selects. Values compare as kubectl's sorter does: numbers as numbers, strings as resource quantities when
 * both parse as one ({@code 500Mi < 1Gi}, {@code 2 < 10}) and otherwise byte-wise, arrays element by element, a
 * missing value first. The order of equal keys is kept, as Go's sort does for the short lists it sorts by insertion.
 */
public final class ObjectSorter {
    private static final Pattern QUANTITY = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\\d+)?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE), Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private final String field;
    private final JsonPathTemplate path;

    private ObjectSorter(String field, JsonPathTemplate path) {
        this.field = field;
        this.path = path;
    }

    /** @param sortBy the flag's value, relaxed as kubectl does ({@code .metadata.name} means {@code {.metadata.name}}) */
    public static ObjectSorter of(String sortBy) {
        String field;
        try {
            field = CustomColumns.relaxed(sortBy);
        } catch (IllegalArgumentException e) {
            field = sortBy;
        }
        return new ObjectSorter(field, JsonPathTemplate.parse(field));
    }

    /**
     * {@code items} in order of the value found in {@code objectOf(item)}.
     *
     * @throws IllegalArgumentException when no item has the field, in kubectl's words
     */
    public <T> List<T> sort(List<T> items, Function<T, JsonNode> objectOf) {
        List<Optional<JsonNode>> keys = new ArrayList<>();
        boolean found = false;
        for (T item : items) {
            JsonNode object = objectOf.apply(item);
            List<List<JsonNode>> results = object == null ? List.of() : path.results(object);
            Optional<JsonNode> key = results.isEmpty() || results.get(0).isEmpty() ? Optional.empty()
                    : Optional.of(results.get(0).get(0));
            found |= key.isPresent();
            keys.add(key);
        }
        if (!items.isEmpty() && !found) {
            throw new IllegalArgumentException("couldn't find any field with path \"" + field
                    + "\" in the list of objects");
        }
        List<T> sorted = new ArrayList<>(items);
        // Go's insertion sort with kubectl's less function, which is not a strict order for missing values.
        for (int i = 1; i < sorted.size(); i++) {
            for (int j = i; j > 0 && less(keys.get(j), keys.get(j - 1)); j--) {
                T item = sorted.get(j);
                sorted.set(j, sorted.get(j - 1));
                sorted.set(j - 1, item);
                Optional<JsonNode> key = keys.get(j);
                keys.set(j, keys.get(j - 1));
                keys.set(j - 1, key);
            }
        }
        return sorted;
    }

    /** A copy of {@code table} with its rows sorted by their objects, when there is more than one. */
    public JsonNode sortRows(JsonNode table) {
        if (table.path("rows").size() < 2) {
            return table;
        }
        List<JsonNode> rows = new ArrayList<>();
        table.path("rows").forEach(rows::add);
        ObjectNode copy = table.deepCopy();
        ArrayNode sorted = copy.putArray("rows");
        sort(rows, row -> row.get("object")).forEach(sorted::add);
        return copy;
    }

    private boolean less(Optional<JsonNode> i, Optional<JsonNode> j) {
        if (i.isEmpty()) {
            return true;
        }
        if (j.isEmpty()) {
            return false;
        }
        return less(i.get(), j.get());
    }

    private boolean less(JsonNode i, JsonNode j) {
        if (i.isNull()) {
            return !j.isNull();
        }
        if (j.isNull()) {
            return false;
        }
        if (i.isIntegralNumber() && j.isIntegralNumber()) {
            return i.bigIntegerValue().compareTo(j.bigIntegerValue()) < 0;
        }
        if (i.isFloatingPointNumber() && j.isFloatingPointNumber()) {
            return i.doubleValue() < j.doubleValue();
        }
        if (i.isTextual() && j.isTextual()) {
            Optional<BigDecimal> a = quantity(i.asText());
            Optional<BigDecimal> b = quantity(j.asText());
            if (a.isPresent() && b.isPresent()) {
                return a.get().compareTo(b.get()) < 0;
            }
            return compareBytes(i.asText(), j.asText()) < 0;
        }
        if (i.isArray() && j.isArray()) {
            for (int k = 0; k < Math.min(i.size(), j.size()); k++) {
                if (!less(i.get(k), j.get(k))) {
                    return false;
                }
            }
            return true;
        }
        throw new IllegalArgumentException("Field " + field + " is an unsortable type: " + typeName(i));
    }

    private static String typeName(JsonNode value) {
        return value.isObject() ? "map" : value.isBoolean() ? "bool" : value.getNodeType().name().toLowerCase();
    }

    /** Go compares strings by their UTF-8 bytes, which is code point order. */
    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** apimachinery's resource.ParseQuantity, as a number. */
    static Optional<BigDecimal> quantity(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
        }
        return Optional.of(number.multiply(SUFFIXES.get(suffix)));
    }
}
