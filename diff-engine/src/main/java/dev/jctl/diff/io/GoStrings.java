package dev.jctl.diff.io;

/** Go's formatting of strings where kubectl's and kube-apiserver's messages embed them. */
public final class GoStrings {
    private GoStrings() {
    }

    /** Go's {@code %q}: quotes, backslashes and control characters escaped, printable Unicode kept. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
