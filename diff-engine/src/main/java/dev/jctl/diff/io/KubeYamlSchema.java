package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Resolves plain scalars the way kubectl does. kubectl reads YAML through sigs.k8s.io/yaml, which uses go-yaml
 * v2 and so YAML 1.1 rules: {@code yes/no/on/off} are booleans, {@code 0644} is octal (file modes in volumes
 * rely on it), {@code 1_000} is an integer. Matching it means a manifest means the same thing to jctl as to
 * kubectl. Quoted scalars and explicit {@code !!str} always stay strings.
 *
 * <p>Deliberate differences: timestamps stay the text written (go-yaml would turn {@code 2024-01-01} into
 * {@code "2024-01-01T00:00:00Z"}), integers beyond 64 bits stay exact integers instead of becoming floats, and
 * anything in JSON number syntax is a number (kubectl reads JSON input with a JSON decoder, where {@code 1e3}
 * is a number, while go-yaml reads it as text).
 */
final class KubeYamlSchema implements Schema {
    static final KubeYamlSchema INSTANCE = new KubeYamlSchema();

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Set<String> POSITIVE_INFINITY = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEGATIVE_INFINITY = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");
    /** go-yaml v2's float syntax: note the exponent needs a sign there, so {@code 1e3} is text to kubectl. */
    private static final Pattern GO_FLOAT = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+(?:[eE][-+][0-9]+)?");
    /** Text starting with a dot, which go-yaml hands to Go's float parser. */
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+(?:[eE][-+]?[0-9]+)?");
    /** JSON numbers are numbers whatever go-yaml thinks of {@code 1e3}, since JSON input is read here too. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private KubeYamlSchema() {
    }

    @Override
    public ScalarResolver getScalarResolver() {
        return (value, implicit) -> Boolean.TRUE.equals(implicit) ? resolvePlain(value) : Tag.STR;
    }

    /** Nodes are converted by {@link TreeBuilder}, never constructed into Java objects. */
    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return Map.of();
    }

    private static Tag resolvePlain(String text) {
        if (text.equals("<<")) {
            return Tag.MERGE;
        }
        if (NULL.contains(text)) {
            return Tag.NULL;
        }
        if (TRUE.contains(text) || FALSE.contains(text)) {
            return Tag.BOOL;
        }
        if (NAN.contains(text) || POSITIVE_INFINITY.contains(text) || NEGATIVE_INFINITY.contains(text)) {
            return Tag.FLOAT;
        }
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.')) {
            return Tag.STR;
        }
        String digits = text.indexOf('_') < 0 ? text : text.replace("_", "");
        if (INTEGER.matcher(digits).matches()) {
            return Tag.INT;
        }
        // Go's float parser rejects values out of range (1e999), so they stay text
        return isFloat(digits) && !Double.isInfinite(Double.parseDouble(digits)) ? Tag.FLOAT : Tag.STR;
    }

    private static boolean isFloat(String digits) {
        return GO_FLOAT.matcher(digits).matches() || DOT_FLOAT.matcher(digits).matches()
                || JSON_NUMBER.matcher(digits).matches();
    }

    /** The JSON value of a scalar whose tag was resolved by this schema or written explicitly. */
    static JsonNode toJson(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (tag.equals(Tag.STR)) {
            return TextNode.valueOf(text);
        }
        if (tag.equals(Tag.NULL)) {
            return NullNode.getInstance();
        }
        if (tag.equals(Tag.BOOL)) {
            if (TRUE.contains(text)) {
                return BooleanNode.TRUE;
            }
            if (FALSE.contains(text)) {
                return BooleanNode.FALSE;
            }
            throw new IllegalArgumentException("cannot read \"" + text + "\" as a boolean");
        }
        if (tag.equals(Tag.INT)) {
            return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(text);
        }
        // !!binary, !!timestamp and application tags: keep the text, as JSON has no such types.
        return TextNode.valueOf(text);
    }

    private static JsonNode integer(String text) {
        String digits = text.replace("_", "");
        if (!INTEGER.matcher(digits).matches()) {
            // go-yaml falls back to a float for things like "09" (not octal) or an explicit !!int 1.0
            return floating(text);
        }
        boolean negative = digits.startsWith("-");
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        BigInteger magnitude = magnitude(unsigned);
        if (magnitude == null) {
            return floating(text);
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.bitLength() < 32) {
            return IntNode.valueOf(value.intValue());
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return LongNode.valueOf(value.longValue());
        }
        return BigIntegerNode.valueOf(value);
    }

    /** Go's base-0 integer syntax; {@code null} when a leading-zero number has digits that are not octal. */
    private static BigInteger magnitude(String unsigned) {
        if (unsigned.length() > 2 && unsigned.charAt(0) == '0') {
            char base = Character.toLowerCase(unsigned.charAt(1));
            if (base == 'x') {
                return new BigInteger(unsigned.substring(2), 16);
            }
            if (base == 'o') {
                return new BigInteger(unsigned.substring(2), 8);
            }
            if (base == 'b') {
                return new BigInteger(unsigned.substring(2), 2);
            }
        }
        if (unsigned.length() > 1 && unsigned.charAt(0) == '0') {
            return unsigned.chars().allMatch(c -> c <= '7') ? new BigInteger(unsigned.substring(1), 8) : null;
        }
        return new BigInteger(unsigned);
    }

    private static JsonNode floating(String text) {
        if (NAN.contains(text)) {
            return DoubleNode.valueOf(Double.NaN);
        }
        if (POSITIVE_INFINITY.contains(text)) {
            return DoubleNode.valueOf(Double.POSITIVE_INFINITY);
        }
        if (NEGATIVE_INFINITY.contains(text)) {
            return DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
        }
        String digits = text.replace("_", "");
        if (!isFloat(digits)) {
            throw new IllegalArgumentException("cannot read \"" + text + "\" as a number");
        }
        return DoubleNode.valueOf(Double.parseDouble(digits));
    }
}
