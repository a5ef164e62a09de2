package dev.jctl.diff.io;

import java.nio.charset.StandardCharsets;

/** Go's formatting of strings where kubectl's and kube-apiserver's messages embed them (strconv's quoting). */
public final class GoStrings {
    private GoStrings() {
    }

    /** Go's {@code %q} ({@code strconv.Quote}): escapes as Go writes them, printable Unicode kept. */
    public static String quote(String text) {
        return quoteWith(text, '"', false);
    }

    /** {@code strconv.QuoteToASCII} ({@code %+q}): like {@link #quote}, every non-ASCII rune escaped too. */
    public static String quoteToAscii(String text) {
        return quoteWith(text, '"', true);
    }

    /** {@code strconv.QuoteRune} ({@code %q} of an integer); runes that are not valid Unicode print as U+FFFD. */
    public static String quoteRune(long rune, boolean asciiOnly) {
        int r = rune < 0 || rune > Character.MAX_CODE_POINT || rune >= 0xD800 && rune <= 0xDFFF ? 0xFFFD : (int) rune;
        return quoteWith(new String(Character.toChars(r)), '\'', asciiOnly);
    }

    /** {@code strconv.CanBackquote}: no control characters but tab, no backquote, no U+FEFF. */
    public static boolean canBackquote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`' || c == '\uFEFF' || c == 0x7f || c < ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** The length of the text in bytes, as Go's {@code len} of a string counts. */
    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** The UTF-8 bytes of a Go string. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quoteWith(String text, char quote, boolean asciiOnly) {
        StringBuilder quoted = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (asciiOnly ? c < 0x80 && isPrint(c) : isPrint(c)) {
                quoted.appendCodePoint(c);
            } else {
                escape(quoted, c);
            }
        });
        return quoted.append(quote).toString();
    }

    private static void escape(StringBuilder out, int c) {
        switch (c) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (c < ' ' || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                } else if (c < 0x10000) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append(String.format("\\U%08x", c));
                }
            }
        }
    }
}
