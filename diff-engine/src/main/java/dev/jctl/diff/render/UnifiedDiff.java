package dev.jctl.diff.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import dev.jctl.diff.io.YamlWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Two objects as a unified diff of their YAML, the way {@code kubectl diff} shows them through
 * {@code diff -u -N}: file labels naming the object ({@code live/apps.v1.Deployment.default.web} and
 * {@code merged/...}), GNU diff's hunk headers, a missing side diffed as an empty file. Colour (ANSI: red
 * removals, green additions, cyan hunk headers, bold file headers) only when asked: the caller knows whether
 * its output is a terminal.
 */
public final class UnifiedDiff {
    public static final int DEFAULT_CONTEXT = 3;

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String CYAN = "\u001B[36m";

    private final YamlWriter yaml;
    private final int context;
    private final boolean colour;

    public UnifiedDiff(YamlWriter yaml, int context, boolean colour) {
        if (context < 0) {
            throw new IllegalArgumentException("context lines must not be negative: " + context);
        }
        this.yaml = yaml;
        this.context = context;
        this.colour = colour;
    }

    /** Sorted keys and 3 lines of context, like kubectl diff. */
    public static UnifiedDiff kubectlStyle(boolean colour) {
        return new UnifiedDiff(YamlWriter.sortedKeys(), DEFAULT_CONTEXT, colour);
    }

    /** Labels {@code live/NAME} and {@code merged/NAME} from whichever side exists; "" when both are equal. */
    public String render(ObjectPair pair) {
        JsonNode named = pair.after() != null ? pair.after() : pair.before();
        if (named == null) {
            return "";
        }
        String name = objectName(named);
        return render("live/" + name, pair.before(), "merged/" + name, pair.after());
    }

    /** A null object is an empty file; "" when both sides print the same. */
    public String render(String beforeLabel, JsonNode before, String afterLabel, JsonNode after) {
        // Most objects of a diff are unchanged; printing both sides only to find no difference cost more than
        // everything else the diff does.
        if (yaml.sortsKeys() && before != null && before.equals(after)) {
            return "";
        }
        return renderText(beforeLabel, before == null ? "" : yaml.write(before),
                afterLabel, after == null ? "" : yaml.write(after));
    }

    /** Texts of whole lines (each ending in a line break), as YAML output always is. */
    private String renderText(String beforeLabel, String before, String afterLabel, String after) {
        List<String> left = lines(before);
        List<String> right = lines(after);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(left, right).getDeltas();
        if (deltas.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        line(out, BOLD, "--- " + beforeLabel);
        line(out, BOLD, "+++ " + afterLabel);
        int first = 0;
        while (first < deltas.size()) {
            int last = first;
            while (last + 1 < deltas.size()
                    && start(deltas.get(last + 1)) - end(deltas.get(last)) <= 2 * context) {
                last++;
            }
            hunk(out, left, deltas.subList(first, last + 1));
            first = last + 1;
        }
        return out.toString();
    }

    /**
     * kubectl diff's file name for an object: {@code [group.]version.Kind.namespace.name}, with an empty
     * namespace for cluster-scoped objects ({@code v1.Namespace..team-a}).
     */
    public static String objectName(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash) + ".";
        String version = apiVersion.substring(slash + 1);
        JsonNode metadata = object.path("metadata");
        return group + version + "." + object.path("kind").asText() + "." + metadata.path("namespace").asText()
                + "." + metadata.path("name").asText();
    }

    private void hunk(StringBuilder out, List<String> left, List<AbstractDelta<String>> deltas) {
        AbstractDelta<String> firstDelta = deltas.get(0);
        AbstractDelta<String> lastDelta = deltas.get(deltas.size() - 1);
        int leftStart = Math.max(0, start(firstDelta) - context);
        int leftEnd = Math.min(left.size(), end(lastDelta) + context);
        int rightStart = firstDelta.getTarget().getPosition() - (start(firstDelta) - leftStart);
        int rightCount = leftEnd - leftStart;
        for (AbstractDelta<String> delta : deltas) {
            rightCount += delta.getTarget().size() - delta.getSource().size();
        }
        line(out, CYAN, "@@ -" + range(leftStart, leftEnd - leftStart) + " +" + range(rightStart, rightCount) + " @@");
        int position = leftStart;
        for (AbstractDelta<String> delta : deltas) {
            for (; position < start(delta); position++) {
                out.append(' ').append(left.get(position)).append('\n');
            }
            for (String removed : delta.getSource().getLines()) {
                line(out, RED, "-" + removed);
            }
            for (String added : delta.getTarget().getLines()) {
                line(out, GREEN, "+" + added);
            }
            position = end(delta);
        }
        for (; position < leftEnd; position++) {
            out.append(' ').append(left.get(position)).append('\n');
        }
    }

    /** GNU diff's range: "start,count", just "start" for one line, and the line before for none. */
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }

    private void line(StringBuilder out, String ansi, String text) {
        if (colour) {
            out.append(ansi).append(text).append(RESET).append('\n');
        } else {
            out.append(text).append('\n');
        }
    }

    private static int start(AbstractDelta<String> delta) {
        return delta.getSource().getPosition();
    }

    private static int end(AbstractDelta<String> delta) {
        Chunk<String> source = delta.getSource();
        return source.getPosition() + source.size();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            lines.add(text.substring(from, to));
            from = to + 1;
        }
        return lines;
    }
}
