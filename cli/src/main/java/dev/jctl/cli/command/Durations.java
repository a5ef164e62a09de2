package dev.jctl.cli.command;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax as kubectl flags take it: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code 0}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            double value = Double.parseDouble(m.group(1));
            long millis = switch (m.group(2)) {
                case "ms" -> Math.round(value);
                case "s" -> Math.round(value * 1000);
                case "m" -> Math.round(value * 60_000);
                default -> Math.round(value * 3_600_000);
            };
            total = total.plusMillis(millis);
            end = m.end();
        }
        if (end != text.length() || text.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        return total;
    }
}
