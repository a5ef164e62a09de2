package dev.jctl.cli.apply.health;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For a person at a terminal: one line per awaited object, redrawn in place with ANSI cursor movement on every
 * change, and erased at the end, when the final lines say how it went.
 */
public final class LiveProgress implements Waiter.Progress {
    private static final String UP_AND_CLEAR_BELOW = "\u001b[%dF\u001b[J";

    private final PrintWriter out;
    private final Map<String, Health> rows = new LinkedHashMap<>();
    private int drawn;

    public LiveProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void changed(Waiter.Target target, Health health) {
        if (!health.tracked()) {
            return;
        }
        rows.put(target.displayName(), health);
        erase();
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((name, h) -> out.println(String.format("%-" + width + "s  %s", name, describe(h))));
        drawn = rows.size();
        out.flush();
    }

    @Override
    public void finished() {
        erase();
        drawn = 0;
        out.flush();
    }

    private static String describe(Health health) {
        return switch (health.state()) {
            case IN_PROGRESS -> health.message();
            case READY -> "ready";
            case FAILED -> "failed: " + health.message();
        };
    }

    private void erase() {
        if (drawn > 0) {
            out.print(String.format(UP_AND_CLEAR_BELOW, drawn));
        }
    }

    /**
     * Live on a terminal unless in CI (where logs keep every line) or on a terminal that cannot move the cursor.
     * The live view goes to standard output, the one stream {@code console} (Java's System.console(): standard
     * input and output are a terminal) vouches for; plain lines go to standard error, keeping the output's lines
     * for programs.
     */
    public static Waiter.Progress choose(PrintWriter out, PrintWriter err, boolean console,
                                         Map<String, String> environment) {
        boolean ci = !environment.getOrDefault("CI", "").isEmpty() && !"false".equals(environment.get("CI"));
        boolean dumb = "dumb".equals(environment.get("TERM"));
        return console && !ci && !dumb ? new LiveProgress(out) : new PlainProgress(err);
    }
}
