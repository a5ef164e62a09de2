package dev.jctl.diff.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float text exactly as Go's {@code strconv.FormatFloat(f, fmt, -1, 64)} writes it, which is what kubectl's
 * output shows: the shortest digits that read back to the same double (Java 17's {@code Double.toString} is
 * not always shortest), then Go's choice between plain and exponent notation.
 */
final class GoFloat {
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private GoFloat() {
    }

    /** The text kubectl's YAML shows for a JSON number read as float64 (JSON → go-yaml v2 round trip). */
    static String yaml(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        // encoding/json writes integral floats below 1e21 without exponent; go-yaml then reads an integer when
        // the digits fit int64 or uint64, and a float otherwise.
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            BigInteger integer = new BigDecimal(value).toBigIntegerExact();
            if (integer.bitLength() < 64 || integer.signum() > 0 && integer.compareTo(UINT64_LIMIT) < 0) {
                return integer.toString();
            }
        }
        return format(value, 'g');
    }

    /** Go's encoding/json text for a float64: plain below 1e21 and from 1e-6, exponent (e-7, not e-07) outside. */
    static String json(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            String name = Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
            throw new IllegalArgumentException("json: unsupported value: " + name);
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String text = format(value, 'e');
            int e = text.indexOf('e');
            if (text.startsWith("-0", e + 1)) {
                return text.substring(0, e + 2) + text.substring(e + 3);
            }
            return text;
        }
        return format(value, 'f');
    }

    /** {@code fmt} is Go's 'g', 'e' or 'f' with shortest precision. */
    static String format(double value, char fmt) {
        StringBuilder out = new StringBuilder();
        if (value < 0 || value == 0 && 1 / value < 0) {
            out.append('-');
        }
        Digits digits = Digits.shortest(Math.abs(value));
        int exponent = digits.pointPosition - 1;
        boolean exponential = fmt == 'e' || fmt == 'g' && (exponent < -4 || exponent >= 6);
        if (exponential) {
            out.append(digits.text.charAt(0));
            if (digits.text.length() > 1) {
                out.append('.').append(digits.text, 1, digits.text.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            return out.append(magnitude).toString();
        }
        if (digits.pointPosition <= 0) {
            out.append("0.");
            out.append("0".repeat(-digits.pointPosition)).append(digits.text);
        } else if (digits.pointPosition >= digits.text.length()) {
            out.append(digits.text).append("0".repeat(digits.pointPosition - digits.text.length()));
        } else {
            out.append(digits.text, 0, digits.pointPosition).append('.').append(digits.text, digits.pointPosition,
                    digits.text.length());
        }
        return out.toString();
    }

    /** value = 0.{text} × 10^pointPosition, with no trailing zeros in text ("0" for zero). */
    private record Digits(String text, int pointPosition) {
        static Digits shortest(double abs) {
            if (abs == 0) {
                return new Digits("0", 1);
            }
            BigDecimal exact = new BigDecimal(abs);
            for (int precision = 1; ; precision++) {
                BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                if (rounded.doubleValue() == abs) {
                    BigDecimal stripped = rounded.stripTrailingZeros();
                    String text = stripped.unscaledValue().toString();
                    return new Digits(text, text.length() - stripped.scale());
                }
            }
        }
    }
}
