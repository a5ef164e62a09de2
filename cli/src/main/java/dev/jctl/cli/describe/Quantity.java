package dev.jctl.cli.describe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * apimachinery's {@code resource.Quantity} as kubectl prints it: parsed from {@code 100m}, {@code 1.5Gi},
 * {@code 1e3}, rounded up to nano units, and printed in canonical form ({@code 1000m} → {@code 1},
 * {@code 1.5Gi} → {@code 1536Mi}, {@code 0.5} → {@code 500m}) in the format of its suffix.
 */
public record Quantity(BigDecimal value, Format format) implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    public enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final Map<String, Integer> BINARY = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50,
            "Ei", 60);
    private static final Map<String, Integer> DECIMAL = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6,
            "G", 9, "T", 12, "P", 15, "E", 18);
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    /** @throws IllegalArgumentException for text that is not a quantity */
    public static Quantity parse(String text) {
        String s = text.strip();
        int end = 0;
        if (end < s.length() && (s.charAt(end) == '+' || s.charAt(end) == '-')) {
            end++;
        }
        while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
            end++;
        }
        String number = s.substring(0, end);
        String suffix = s.substring(end);
        if (number.isEmpty() || number.equals("+") || number.equals("-")) {
            throw new IllegalArgumentException("quantities must match the regular expression "
                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        BigDecimal amount = new BigDecimal(number.endsWith(".") ? number + "0" : number);
        Format format;
        if (BINARY.containsKey(suffix)) {
            format = Format.BINARY_SI;
            amount = amount.multiply(BigDecimal.valueOf(2).pow(BINARY.get(suffix)));
        } else if (DECIMAL.containsKey(suffix)) {
            format = Format.DECIMAL_SI;
            amount = amount.scaleByPowerOfTen(DECIMAL.get(suffix));
        } else if (suffix.matches("[eE][-+]?\\d+")) {
            format = Format.DECIMAL_EXPONENT;
            amount = amount.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } else {
            throw new IllegalArgumentException("unable to parse quantity's suffix");
        }
        // The one place where a quantity is rounded: up, to nano units.
        if (amount.scale() > 9) {
            amount = amount.setScale(9, RoundingMode.UP);
        }
        if (format == Format.BINARY_SI && amount.abs().compareTo(BigDecimal.ONE) < 0 && amount.signum() != 0) {
            format = Format.DECIMAL_SI;
        }
        return new Quantity(amount, format);
    }

    /** The quantity at {@code node}, or zero when absent (kubectl reads missing entries as zero). */
    public static Quantity of(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? ZERO : parse(node.asText());
    }

    /** Go's {@code Add}: the sum keeps this quantity's format unless this one is zero. */
    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value), value.signum() == 0 ? other.format : format);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** Rounded up to an integer, like Go's {@code Value()}. */
    public long longValue() {
        return value.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Thousandths, rounded up, like Go's {@code MilliValue()}. */
    public long milliValue() {
        return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        if (value.signum() == 0) {
            return "0";
        }
        if (format == Format.BINARY_SI && value.abs().compareTo(KI) >= 0 && isInteger(value)) {
            BigInteger amount = value.toBigIntegerExact();
            int exponent = 0;
            BigInteger ki = BigInteger.valueOf(1024);
            while (exponent < BINARY_SUFFIXES.length - 1 && amount.mod(ki).signum() == 0) {
                amount = amount.divide(ki);
                exponent++;
            }
            return amount + BINARY_SUFFIXES[exponent];
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int remainder = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(remainder));
        exponent -= remainder;
        if (format == Format.DECIMAL_EXPONENT) {
            return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
        }
        for (Map.Entry<String, Integer> suffix : DECIMAL.entrySet()) {
            if (suffix.getValue() == exponent) {
                return mantissa + suffix.getKey();
            }
        }
        return mantissa + "e" + exponent;
    }

    private static boolean isInteger(BigDecimal value) {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
