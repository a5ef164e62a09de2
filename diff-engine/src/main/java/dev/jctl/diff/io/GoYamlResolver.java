package dev.jctl.diff.io;

import java.math.BigInteger;
import java.time.YearMonth;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Would go-yaml v2 (the YAML library behind kubectl's output) read this text, written plain, as something other
 * than a string? Then kubectl quotes it. YAML 1.1 rules: {@code yes}, {@code on}, {@code y} are booleans,
 * {@code 0o17}, {@code 1_000}, {@code 0x1F} integers, {@code 2024-01-01} a timestamp, {@code 1:20} a base-60
 * float.
 */
final class GoYamlResolver {
    private static final Set<String> RESERVED = Set.of(
            "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
            "", "~", "null", "Null", "NULL",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
    private static final String RESERVED_HINTS = "yYnNtTfFoO~";
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern BASE60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d*)?(?:Z|[+-]\\d{2}:\\d{2}))"
                    + "|(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d*)?))?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoYamlResolver() {
    }

    /** True when the text can be written plain and still read back as this same string. */
    static boolean plainReadsAsString(String text) {
        return !resolvesToNonString(text) && !BASE60_FLOAT.matcher(text).matches();
    }

    private static boolean resolvesToNonString(String text) {
        char hint = text.isEmpty() ? 'N' : text.charAt(0);
        if (text.isEmpty() || RESERVED_HINTS.indexOf(hint) >= 0) {
            return RESERVED.contains(text);
        }
        if (hint == '.') {
            return RESERVED.contains(text) || DOT_FLOAT.matcher(text).matches();
        }
        if (hint == '+' || hint == '-' || hint >= '0' && hint <= '9') {
            if (RESERVED.contains(text) || isTimestamp(text)) {
                return true;
            }
            String plain = text.replace("_", "");
            if (goParseInt(plain) || goParseUint(plain)) {
                return true;
            }
            if (YAML_FLOAT.matcher(plain).matches() && !Double.isInfinite(Double.parseDouble(plain))) {
                return true;
            }
            return binary(plain.startsWith("0b") ? plain.substring(2) : plain.startsWith("-0b") ? plain.substring(3) : null);
        }
        return false;
    }

    private static boolean binary(String digits) {
        return digits != null && !digits.isEmpty() && digits.chars().allMatch(c -> c == '0' || c == '1')
                && new BigInteger(digits, 2).bitLength() <= 63;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} succeeds. */
    private static boolean goParseInt(String text) {
        boolean negative = text.startsWith("-");
        String unsigned = negative || text.startsWith("+") ? text.substring(1) : text;
        BigInteger magnitude = baseZeroMagnitude(unsigned);
        if (magnitude == null) {
            return false;
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        return value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0;
    }

    /** Go's {@code strconv.ParseUint(s, 0, 64)} succeeds (no sign allowed). */
    private static boolean goParseUint(String text) {
        BigInteger magnitude = baseZeroMagnitude(text);
        return magnitude != null && magnitude.compareTo(UINT64_MAX) <= 0;
    }

    /** Go's base-0 literal: 0x, 0o, 0b prefixes, a leading 0 for octal, decimal otherwise. */
    private static BigInteger baseZeroMagnitude(String text) {
        int radix = 10;
        String digits = text;
        if (text.length() >= 2 && text.charAt(0) == '0') {
            char prefix = Character.toLowerCase(text.charAt(1));
            radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 8;
            digits = prefix == 'x' || prefix == 'o' || prefix == 'b' ? text.substring(2) : text.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c > 127 || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    /** go-yaml's timestamp formats, with Go's range checks on each field. */
    private static boolean isTimestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return false;
        }
        int timeGroup = m.group(4) != null ? 4 : m.group(7) != null ? 7 : 0;
        return timeGroup == 0 || Integer.parseInt(m.group(timeGroup)) < 24
                && Integer.parseInt(m.group(timeGroup + 1)) < 60 && Integer.parseInt(m.group(timeGroup + 2)) < 60;
    }

    private static int daysIn(int year, int month) {
        return YearMonth.of(year, month).lengthOfMonth();
    }
}
