package dev.jctl.runtime.apiserver.openapi;

import java.util.Set;

/**
 * Which strings resource.Quantity's UnmarshalJSON refuses, with the error ParseQuantity gives (apimachinery
 * v0.32 pkg/api/resource): the format check of parseQuantityString, then the suffix lookup. ParseQuantity's third
 * error, "unable to parse numeric part of quantity", comes from inf.Dec refusing a numeric part the format check
 * already admitted; no such input is known, and it is not modelled.
 */
final class Quantities {
    static final String FORMAT_WRONG = "quantities must match the regular expression"
            + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String SUFFIX = "unable to parse quantity's suffix";
    private static final Set<String> SUFFIXES = Set.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E",
            "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final String SUFFIX_LETTERS = "eEinumkKMGTP";

    private Quantities() {
    }

    /**
     * The error of UnmarshalJSON given {@code raw}, the JSON value as sent (a string's quotes removed, or a
     * number, {@code true}, an object's text), or null when it parses.
     */
    static String unmarshalError(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return FORMAT_WRONG;
        }
        int end = s.length();
        int pos = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            pos++;
        }
        pos = digits(s, pos);
        if (pos == end) {
            return null;
        }
        if (s.charAt(pos) == '.') {
            pos = digits(s, pos + 1);
            if (pos == end) {
                return null;
            }
        }
        int suffixStart = pos;
        while (pos < end && SUFFIX_LETTERS.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            pos++;
        }
        if (digits(s, pos) < end) {
            return FORMAT_WRONG;
        }
        return validSuffix(s.substring(suffixStart)) ? null : SUFFIX;
    }

    private static int digits(String s, int from) {
        int pos = from;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }

    /** The SI and binary suffixes, or a decimal exponent {@code e<int64>} / {@code E<int64>}. */
    private static boolean validSuffix(String suffix) {
        if (SUFFIXES.contains(suffix)) {
            return true;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                Long.parseLong(suffix.substring(1));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
