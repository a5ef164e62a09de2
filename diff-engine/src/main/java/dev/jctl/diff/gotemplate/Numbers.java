package dev.jctl.diff.gotemplate;

import dev.jctl.diff.gotemplate.Lexer.ItemType;
import dev.jctl.diff.io.GoStrings;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The constants of a template as Go reads them: numbers through strconv's ParseInt, ParseUint and ParseFloat with
 * base prefixes and underscores (parse.newNumber's rules for which Go types hold a number), and quoted strings
 * and characters through strconv.Unquote. Errors are IllegalArgumentExceptions with Go's messages.
 */
final class Numbers {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Numbers() {
    }

    static Node.NumberNode parse(Tree tree, int pos, String text, ItemType type) {
        if (type == ItemType.CHAR_CONSTANT) {
            Unquoted rune = unquoteChar(text, 1, '\'');
            if (rune.next != text.length() - 1 || text.charAt(text.length() - 1) != '\'') {
                throw new IllegalArgumentException("malformed character constant: " + text);
            }
            long r = rune.value;
            return new Node.NumberNode(tree, pos, text, true, true, true, false, r, r, r, null);
        }
        if (type == ItemType.COMPLEX) {
            return complex(tree, pos, text, parseComplex(text));
        }
        if (text.endsWith("i")) {
            Double imaginary = parseFloat(text.substring(0, text.length() - 1));
            if (imaginary != null) {
                return complex(tree, pos, text, new GoValues.Complex(0, imaginary));
            }
        }
        BigInteger unsigned = parseInteger(text, false);
        BigInteger signed = parseInteger(text, true);
        boolean isUint = unsigned != null;
        boolean isInt = signed != null;
        long uint64 = isUint ? unsigned.longValue() : 0;
        long int64 = isInt ? signed.longValue() : 0;
        if (isInt && int64 == 0) {
            isUint = true;
        }
        boolean isFloat = false;
        double float64 = 0;
        if (isInt) {
            isFloat = true;
            float64 = int64;
        } else if (isUint) {
            isFloat = true;
            float64 = unsigned.doubleValue();
        } else {
            Double f = parseFloat(text);
            if (f != null) {
                if (!containsAny(text, ".eEpP")) {
                    throw new IllegalArgumentException("integer overflow: " + GoStrings.quote(text));
                }
                isFloat = true;
                float64 = f;
                if (f == Math.rint(f) && f >= -0x1p63 && f < 0x1p63) {
                    isInt = true;
                    int64 = (long) (double) f;
                }
                if (f == Math.rint(f) && f >= 0 && f < 0x1p64) {
                    isUint = true;
                    uint64 = new BigDecimal(f).toBigInteger().longValue();
                }
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw new IllegalArgumentException("illegal number syntax: " + GoStrings.quote(text));
        }
        return new Node.NumberNode(tree, pos, text, isInt, isUint, isFloat, false, int64, uint64, float64, null);
    }

    private static Node.NumberNode complex(Tree tree, int pos, String text, GoValues.Complex c) {
        boolean isFloat = c.imaginary() == 0;
        double f = c.real();
        boolean isInt = isFloat && f == Math.rint(f) && f >= -0x1p63 && f < 0x1p63;
        boolean isUint = isFloat && f == Math.rint(f) && f >= 0 && f < 0x1p64;
        return new Node.NumberNode(tree, pos, text, isInt, isUint, isFloat, true, isInt ? (long) f : 0,
                isUint ? new BigDecimal(f).toBigInteger().longValue() : 0, isFloat ? f : 0, c);
    }

    /** {@code 1+2i}: a real part, then a signed imaginary part. */
    private static GoValues.Complex parseComplex(String text) {
        for (int i = text.length() - 2; i > 0; i--) {
            char c = text.charAt(i);
            char before = Character.toLowerCase(text.charAt(i - 1));
            if ((c == '+' || c == '-') && before != 'e' && before != 'p') {
                Double real = parseFloat(text.substring(0, i));
                Double imaginary = parseFloat(text.substring(i, text.length() - 1));
                if (real != null && imaginary != null) {
                    return new GoValues.Complex(real, imaginary);
                }
                break;
            }
        }
        throw new IllegalArgumentException("expected integer");
    }

    private static boolean containsAny(String text, String chars) {
        return text.chars().anyMatch(c -> chars.indexOf(c) >= 0);
    }

    /** strconv.ParseInt / ParseUint with base 0; null for a syntax or range error. */
    static BigInteger parseInteger(String text, boolean signed) {
        String s = text;
        boolean negative = false;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return null;
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            switch (prefix) {
                case 'b' -> base = 2;
                case 'o' -> base = 8;
                case 'x' -> base = 16;
                default -> base = 8;
            }
            digits = prefix == 'b' || prefix == 'o' || prefix == 'x' ? s.substring(2) : s.substring(1);
        }
        if (digits.contains("_") && !underscoreOk(s)) {
            return null;
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty()) {
            return base == 8 && s.equals("0") ? BigInteger.ZERO : null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), base) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, base);
        if (negative) {
            value = value.negate();
        }
        if (signed) {
            return value.bitLength() < 64 ? value : null;
        }
        return value.compareTo(UINT64_MAX) <= 0 ? value : null;
    }

    /** strconv.ParseFloat: decimal or hexadecimal (with a p exponent), underscores between digits; null if not. */
    static Double parseFloat(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.contains("_") && !underscoreOk(s)) {
            return null;
        }
        s = s.replace("_", "");
        double value;
        if (s.length() > 2 && s.charAt(0) == '0' && Character.toLowerCase(s.charAt(1)) == 'x') {
            if (!s.matches("(?i)0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)p[+-]?[0-9]+")) {
                return null;
            }
            value = Double.parseDouble(s);
        } else {
            if (!s.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return null;
            }
            value = new BigDecimal(s).doubleValue();
        }
        if (Double.isInfinite(value)) {
            return null;
        }
        return negative ? -value : value;
    }

    /** Underscores only between digits, or between a base prefix and a digit (strconv's underscoreOK). */
    private static boolean underscoreOk(String text) {
        String s = text;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && lower >= 'a' && lower <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** strconv.Unquote of a double-quoted or back-quoted literal; "invalid syntax" otherwise. */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(quoted.length() - 1) != quoted.charAt(0)) {
            throw new IllegalArgumentException("invalid syntax");
        }
        String body = quoted.substring(1, quoted.length() - 1);
        if (quoted.charAt(0) == '`') {
            if (body.indexOf('`') >= 0) {
                throw new IllegalArgumentException("invalid syntax");
            }
            return body.replace("\r", "");
        }
        if (quoted.charAt(0) != '"') {
            throw new IllegalArgumentException("invalid syntax");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 1;
        int end = quoted.length() - 1;
        while (i < end) {
            char c = quoted.charAt(i);
            if (c == '"' || c == '\n') {
                throw new IllegalArgumentException("invalid syntax");
            }
            Unquoted u = unquoteChar(quoted, i, '"');
            if (u.isByte) {
                bytes.write((int) u.value);
            } else {
                bytes.writeBytes(new String(Character.toChars((int) u.value)).getBytes(StandardCharsets.UTF_8));
            }
            i = u.next;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** One character of a quoted literal starting at {@code i}; {@code isByte} for \x and octal escapes. */
    private record Unquoted(long value, boolean isByte, int next) {
    }

    private static Unquoted unquoteChar(String s, int i, char quote) {
        if (i >= s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        int c = s.codePointAt(i);
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw new IllegalArgumentException("invalid syntax");
        }
        if (c != '\\') {
            return new Unquoted(c, false, i + Character.charCount(c));
        }
        if (i + 1 >= s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        char e = s.charAt(i + 1);
        int next = i + 2;
        switch (e) {
            case 'a':
                return new Unquoted(7, false, next);
            case 'b':
                return new Unquoted('\b', false, next);
            case 'f':
                return new Unquoted('\f', false, next);
            case 'n':
                return new Unquoted('\n', false, next);
            case 'r':
                return new Unquoted('\r', false, next);
            case 't':
                return new Unquoted('\t', false, next);
            case 'v':
                return new Unquoted(11, false, next);
            case 'x', 'u', 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (next + n > s.length()) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                long v = 0;
                for (int k = 0; k < n; k++) {
                    int d = Character.digit(s.charAt(next + k), 16);
                    if (d < 0) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    v = v << 4 | d;
                }
                if (e == 'x') {
                    return new Unquoted(v, quote != '\'', next + n);
                }
                if (v > Character.MAX_CODE_POINT || v >= 0xD800 && v <= 0xDFFF) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                return new Unquoted(v, false, next + n);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7': {
                if (next + 2 > s.length()) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                long v = e - '0';
                for (int k = 0; k < 2; k++) {
                    int d = s.charAt(next + k) - '0';
                    if (d < 0 || d > 7) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    v = v << 3 | d;
                }
                if (v > 255) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                return new Unquoted(v, quote != '\'', next + 2);
            }
            case '\\':
                return new Unquoted('\\', false, next);
            case '\'', '"':
                if (e != quote) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                return new Unquoted(e, false, next);
            default:
                throw new IllegalArgumentException("invalid syntax");
        }
    }
}
