package dev.jctl.diff.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float text exactly as Go's {@code strconv.FormatFloat(f, fmt, prec, 64)} writes it, which is what kubectl's
 * output shows: the shortest digits that read back to the same double (Java 17's {@code Double.toString} is
 * not always shortest) or the exact value rounded half to even, then Go's choice between plain and exponent
 * notation.
 */
public final class GoFloat {
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
        return format(value, fmt, -1);
    }

    /**
     * {@code strconv.FormatFloat(value, fmt, precision, 64)}: {@code fmt} one of e, E, f, g, G, b, x, X; a negative
     * precision asks for the fewest digits that read back to the same double.
     */
    public static String format(double value, char fmt, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = value < 0 || value == 0 && 1 / value < 0;
        if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
            return binary(value, fmt, precision, negative);
        }
        Digits digits;
        boolean shortest = precision < 0;
        if (shortest) {
            digits = Digits.shortest(Math.abs(value));
        } else {
            int significant = switch (fmt) {
                case 'e', 'E' -> precision + 1;
                case 'g', 'G' -> precision == 0 ? 1 : precision;
                default -> -1;
            };
            digits = significant < 0 ? Digits.fixed(Math.abs(value), precision)
                    : Digits.significant(Math.abs(value), significant);
        }
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        int count = digits.count();
        switch (fmt) {
            case 'e', 'E' -> exponential(out, digits, shortest ? Math.max(count - 1, 0) : precision, fmt);
            case 'f' -> plain(out, digits, shortest ? Math.max(count - digits.pointPosition, 0) : precision);
            default -> {
                int eprec = shortest ? 6 : precision == 0 ? 1 : precision;
                int prec = shortest ? count : eprec;
                if (!shortest && eprec > count && count >= digits.pointPosition) {
                    eprec = count;
                }
                int exponent = digits.pointPosition - 1;
                if (exponent < -4 || exponent >= eprec) {
                    exponential(out, digits, Math.min(prec, count) - 1, fmt == 'G' ? 'E' : 'e');
                } else {
                    plain(out, digits, Math.max((prec > digits.pointPosition ? count : prec)
                            - digits.pointPosition, 0));
                }
            }
        }
        return out.toString();
    }

    private static void exponential(StringBuilder out, Digits digits, int precision, char e) {
        int count = digits.count();
        out.append(count == 0 ? '0' : digits.text.charAt(0));
        if (precision > 0) {
            out.append('.');
            for (int i = 1; i <= precision; i++) {
                out.append(i < count ? digits.text.charAt(i) : '0');
            }
        }
        int exponent = count == 0 ? 0 : digits.pointPosition - 1;
        out.append(e).append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }

    private static void plain(StringBuilder out, Digits digits, int precision) {
        int count = digits.count();
        if (digits.pointPosition > 0) {
            for (int i = 0; i < digits.pointPosition; i++) {
                out.append(i < count ? digits.text.charAt(i) : '0');
            }
        } else {
            out.append('0');
        }
        if (precision > 0) {
            out.append('.');
            for (int i = 1; i <= precision; i++) {
                int j = digits.pointPosition + i - 1;
                out.append(j >= 0 && j < count ? digits.text.charAt(j) : '0');
            }
        }
    }

    /** Go's %b (mantissa p exponent) and %x (hexadecimal mantissa, binary exponent) of a float64. */
    private static String binary(double value, char fmt, int precision, boolean negative) {
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & ((1L << 52) - 1);
        if (exponent == 0) {
            exponent++;
        } else {
            mantissa |= 1L << 52;
        }
        exponent -= 1023;
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        if (fmt == 'b') {
            int e = exponent - 52;
            return out.append(mantissa).append('p').append(e < 0 ? "-" : "+").append(Math.abs(e)).toString();
        }
        if (mantissa == 0) {
            exponent = 0;
        }
        mantissa <<= 60 - 52;
        while (mantissa != 0 && (mantissa & (1L << 60)) == 0) {
            mantissa <<= 1;
            exponent--;
        }
        if (precision >= 0 && precision < 15) {
            int shift = precision * 4;
            long extra = (mantissa << shift) & ((1L << 60) - 1);
            mantissa >>>= 60 - shift;
            if ((extra | (mantissa & 1)) > 1L << 59) {
                mantissa++;
            }
            mantissa <<= 60 - shift;
            if ((mantissa & (1L << 61)) != 0) {
                mantissa >>>= 1;
                exponent++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        out.append('0').append(fmt).append((char) ('0' + ((mantissa >>> 60) & 1)));
        mantissa <<= 4;
        if (precision < 0 && mantissa != 0) {
            out.append('.');
            while (mantissa != 0) {
                out.append(hex.charAt((int) ((mantissa >>> 60) & 15)));
                mantissa <<= 4;
            }
        } else if (precision > 0) {
            out.append('.');
            for (int i = 0; i < precision; i++) {
                out.append(hex.charAt((int) ((mantissa >>> 60) & 15)));
                mantissa <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        return out.append(magnitude < 10 ? "0" : "").append(magnitude).toString();
    }

    /** value = 0.{text} × 10^pointPosition, with no trailing zeros in text ("" for zero). */
    private record Digits(String text, int pointPosition) {
        int count() {
            return text.length();
        }

        static Digits shortest(double abs) {
            if (abs == 0) {
                return new Digits("", 0);
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

        /** The exact value rounded half to even to {@code digits} significant digits. */
        static Digits significant(double abs, int digits) {
            if (abs == 0) {
                return new Digits("", 0);
            }
            return of(new BigDecimal(abs).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
        }

        /** The exact value rounded half to even to {@code decimals} digits after the point. */
        static Digits fixed(double abs, int decimals) {
            return of(new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN));
        }

        private static Digits of(BigDecimal rounded) {
            if (rounded.signum() == 0) {
                return new Digits("", 0);
            }
            BigDecimal stripped = rounded.stripTrailingZeros();
            String text = stripped.unscaledValue().toString();
            return new Digits(text, text.length() - stripped.scale());
        }
    }
}
