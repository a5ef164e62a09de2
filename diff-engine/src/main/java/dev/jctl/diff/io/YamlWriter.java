package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jackson tree → YAML text, byte for byte as {@code kubectl -o yaml} prints it (sigs.k8s.io/yaml, which is
 * go-yaml v2, a port of libyaml's emitter): block style, 2-space indent, sequences under a key not indented,
 * strings quoted only when a plain scalar would read back as something else ({@code "80"}, {@code "yes"},
 * {@code '- x'}), multi-line strings as {@code |} blocks, long lines folded at 80 columns, {@code ? key} for keys
 * too long or multi-line to be simple keys.
 *
 * <p>SnakeYAML Engine's emitter follows PyYAML and YAML 1.2: it quotes by other rules, treats emoji as
 * printable and folds differently, so its output would not match kubectl's; this is a small port of the parts of
 * the libyaml emitter that a JSON tree can reach (no flow collections other than {@code []} and {@code {}}, no
 * tags, anchors or comments).
 */
public final class YamlWriter {
    private static final YamlWriter SORTED = new YamlWriter(true);
    private static final YamlWriter TREE_ORDER = new YamlWriter(false);

    private final boolean sortKeys;

    private YamlWriter(boolean sortKeys) {
        this.sortKeys = sortKeys;
    }

    /** Keys in go-yaml's sorted order, as kubectl prints (Go maps have no order): the form to diff. */
    public static YamlWriter sortedKeys() {
        return SORTED;
    }

    /** Keys in the order the tree holds them, e.g. as the manifest was written. */
    public static YamlWriter treeOrder() {
        return TREE_ORDER;
    }

    /** Whether equal trees always print the same text, whatever order their keys are held in. */
    public boolean sortsKeys() {
        return sortKeys;
    }

    /** One document, ending with a line break; no {@code ---} marker. */
    public String write(JsonNode node) {
        Emitter emitter = new Emitter();
        emitter.node(node, false, false);
        emitter.writeIndent();
        return emitter.out.toString();
    }

    private List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        return sortKeys ? GoYamlKeyOrder.sort(entries) : entries;
    }

    private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    /** The emitter state of libyaml that matters for block output: indent stack, column, and two flags. */
    private final class Emitter {
        private static final int BEST_WIDTH = 80;
        private static final int BEST_INDENT = 2;
        private static final int MAX_SIMPLE_KEY_BYTES = 128;

        final StringBuilder out = new StringBuilder();
        private final Deque<Integer> indents = new ArrayDeque<>();
        private int indent = -1;
        private int column;
        /** The last thing written was whitespace, so an indicator needs no space before it. */
        private boolean whitespace = true;
        /** Only indentation has been written on this line so far. */
        private boolean indention = true;

        void node(JsonNode node, boolean mappingContext, boolean simpleKey) {
            if (node.isObject()) {
                if (node.isEmpty()) {
                    emptyFlow("{}");
                } else {
                    mapping(node);
                }
            } else if (node.isArray()) {
                if (node.isEmpty()) {
                    emptyFlow("[]");
                } else {
                    sequence(node, mappingContext);
                }
            } else if (node.isTextual() || node.isBinary() || node.isPojo()) {
                String text = node.asText();
                Style requested = text.contains("\n") ? Style.LITERAL
                        : GoYamlResolver.plainReadsAsString(text) ? Style.PLAIN : Style.DOUBLE_QUOTED;
                scalar(text, requested, simpleKey);
            } else if (node.isFloatingPointNumber()) {
                scalar(GoFloat.yaml(node.doubleValue()), Style.PLAIN, simpleKey);
            } else if (node.isMissingNode()) {
                scalar("null", Style.PLAIN, simpleKey);
            } else {
                scalar(node.asText(), Style.PLAIN, simpleKey);
            }
        }

        private void emptyFlow(String brackets) {
            writeIndicator(brackets.substring(0, 1), true, true, false);
            writeIndicator(brackets.substring(1), false, false, false);
        }

        private void sequence(JsonNode array, boolean mappingContext) {
            // go-yaml v2 does not indent a sequence that is the value of a mapping key
            increaseIndent(false, mappingContext && !indention);
            for (JsonNode item : array) {
                writeIndent();
                writeIndicator("-", true, false, true);
                node(item, false, false);
            }
            indent = indents.pop();
        }

        private void mapping(JsonNode object) {
            increaseIndent(false, false);
            for (Map.Entry<String, JsonNode> entry : entries(object)) {
                writeIndent();
                String key = entry.getKey();
                Style keyStyle = key.contains("\n") ? Style.LITERAL
                        : GoYamlResolver.plainReadsAsString(key) ? Style.PLAIN : Style.DOUBLE_QUOTED;
                Analysis analysis = Analysis.of(key);
                if (!analysis.multiline && key.getBytes(StandardCharsets.UTF_8).length
                        <= MAX_SIMPLE_KEY_BYTES) {
                    scalar(key, keyStyle, true);
                    writeIndicator(":", false, false, false);
                } else {
                    writeIndicator("?", true, false, true);
                    scalar(key, keyStyle, false);
                    writeIndent();
                    writeIndicator(":", true, false, true);
                }
                node(entry.getValue(), true, false);
            }
            indent = indents.pop();
        }

        private void scalar(String text, Style requested, boolean simpleKey) {
            Analysis analysis = Analysis.of(text);
            Style style = selectStyle(requested, analysis, text.isEmpty(), simpleKey);
            increaseIndent(true, false);
            int[] chars = text.codePoints().toArray();
            switch (style) {
                case PLAIN -> writePlain(chars, !simpleKey);
                case SINGLE_QUOTED -> writeSingleQuoted(chars, !simpleKey);
                case DOUBLE_QUOTED -> writeDoubleQuoted(chars, !simpleKey);
                case LITERAL -> writeLiteral(chars);
            }
            indent = indents.pop();
        }

        private Style selectStyle(Style requested, Analysis analysis, boolean empty, boolean simpleKey) {
            Style style = simpleKey && analysis.multiline ? Style.DOUBLE_QUOTED : requested;
            if (style == Style.PLAIN && (!analysis.blockPlainAllowed || empty && simpleKey)) {
                style = Style.SINGLE_QUOTED;
            }
            if (style == Style.SINGLE_QUOTED && !analysis.singleQuotedAllowed) {
                style = Style.DOUBLE_QUOTED;
            }
            if (style == Style.LITERAL && (!analysis.blockAllowed || simpleKey)) {
                style = Style.DOUBLE_QUOTED;
            }
            return style;
        }

        private void increaseIndent(boolean flow, boolean indentless) {
            indents.push(indent);
            if (indent < 0) {
                indent = flow ? BEST_INDENT : 0;
            } else if (!indentless) {
                indent += BEST_INDENT;
            }
        }

        private void writePlain(int[] chars, boolean allowBreaks) {
            if (!whitespace) {
                put(' ');
            }
            boolean spaces = false;
            boolean breaks = false;
            for (int i = 0; i < chars.length; i++) {
                int c = chars[i];
                if (c == ' ') {
                    if (allowBreaks && !spaces && column > BEST_WIDTH && !isSpaceAt(chars, i + 1)) {
                        writeIndent();
                    } else {
                        write(c);
                    }
                    spaces = true;
                } else if (Chars.isBreak(c)) {
                    if (!breaks && c == '\n') {
                        putBreak();
                    }
                    writeBreak(c);
                    indention = true;
                    breaks = true;
                } else {
                    if (breaks) {
                        writeIndent();
                    }
                    write(c);
                    indention = false;
                    spaces = false;
                    breaks = false;
                }
            }
            whitespace = false;
            indention = false;
        }

        private void writeSingleQuoted(int[] chars, boolean allowBreaks) {
            writeIndicator("'", true, false, false);
            boolean spaces = false;
            boolean breaks = false;
            for (int i = 0; i < chars.length; i++) {
                int c = chars[i];
                if (c == ' ') {
                    if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != chars.length - 1
                            && !isSpaceAt(chars, i + 1)) {
                        writeIndent();
                    } else {
                        write(c);
                    }
                    spaces = true;
                } else if (Chars.isBreak(c)) {
                    if (!breaks && c == '\n') {
                        putBreak();
                    }
                    writeBreak(c);
                    indention = true;
                    breaks = true;
                } else {
                    if (breaks) {
                        writeIndent();
                    }
                    if (c == '\'') {
                        put('\'');
                    }
                    write(c);
                    indention = false;
                    spaces = false;
                    breaks = false;
                }
            }
            writeIndicator("'", false, false, false);
            whitespace = false;
            indention = false;
        }

        private void writeDoubleQuoted(int[] chars, boolean allowBreaks) {
            writeIndicator("\"", true, false, false);
            boolean spaces = false;
            for (int i = 0; i < chars.length; i++) {
                int c = chars[i];
                if (!Chars.isPrintable(c) || c == 0xFEFF || Chars.isBreak(c) || c == '"' || c == '\\') {
                    writeEscape(c);
                    spaces = false;
                } else if (c == ' ') {
                    if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != chars.length - 1) {
                        writeIndent();
                        if (isSpaceAt(chars, i + 1)) {
                            put('\\');
                        }
                    } else {
                        write(c);
                    }
                    spaces = true;
                } else {
                    write(c);
                    spaces = false;
                }
            }
            writeIndicator("\"", false, false, false);
            whitespace = false;
            indention = false;
        }

        private void writeEscape(int c) {
            put('\\');
            switch (c) {
                case 0x00 -> put('0');
                case 0x07 -> put('a');
                case 0x08 -> put('b');
                case 0x09 -> put('t');
                case 0x0A -> put('n');
                case 0x0B -> put('v');
                case 0x0C -> put('f');
                case 0x0D -> put('r');
                case 0x1B -> put('e');
                case '"' -> put('"');
                case '\\' -> put('\\');
                case 0x85 -> put('N');
                case 0xA0 -> put('_');
                case 0x2028 -> put('L');
                case 0x2029 -> put('P');
                default -> {
                    int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
                    put(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
                    String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
                    for (int pad = hex.length(); pad < digits; pad++) {
                        put('0');
                    }
                    for (int k = 0; k < hex.length(); k++) {
                        put(hex.charAt(k));
                    }
                }
            }
        }

        private void writeLiteral(int[] chars) {
            writeIndicator("|", true, false, false);
            if (chars.length > 0 && (chars[0] == ' ' || Chars.isBreak(chars[0]))) {
                writeIndicator(String.valueOf(BEST_INDENT), false, false, false);
            }
            String chomp = chompIndicator(chars);
            if (!chomp.isEmpty()) {
                writeIndicator(chomp, false, false, false);
            }
            putBreak();
            indention = true;
            whitespace = true;
            boolean breaks = true;
            for (int c : chars) {
                if (Chars.isBreak(c)) {
                    writeBreak(c);
                    indention = true;
                    breaks = true;
                } else {
                    if (breaks) {
                        writeIndent();
                    }
                    write(c);
                    indention = false;
                    breaks = false;
                }
            }
        }

        /** "-" strips a missing final break, "+" keeps several, none keeps exactly one. */
        private String chompIndicator(int[] chars) {
            int last = chars.length - 1;
            if (last < 0 || !Chars.isBreak(chars[last])) {
                return "-";
            }
            return last == 0 || Chars.isBreak(chars[last - 1]) ? "+" : "";
        }

        void writeIndent() {
            int target = Math.max(indent, 0);
            if (!indention || column > target || column == target && !whitespace) {
                putBreak();
            }
            while (column < target) {
                put(' ');
            }
            whitespace = true;
            indention = true;
        }

        private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace,
                boolean isIndention) {
            if (needWhitespace && !whitespace) {
                put(' ');
            }
            out.append(indicator);
            column += indicator.length();
            whitespace = isWhitespace;
            indention = indention && isIndention;
        }

        private boolean isSpaceAt(int[] chars, int i) {
            return i < chars.length && chars[i] == ' ';
        }

        private void put(char c) {
            out.append(c);
            column++;
        }

        private void write(int c) {
            out.appendCodePoint(c);
            column++;
        }

        private void putBreak() {
            out.append('\n');
            column = 0;
        }

        private void writeBreak(int c) {
            if (c == '\n') {
                putBreak();
            } else {
                out.appendCodePoint(c);
                column = 0;
            }
        }
    }

    /** libyaml's scalar analysis: which styles can carry this text unchanged. */
    private record Analysis(boolean multiline, boolean blockPlainAllowed, boolean singleQuotedAllowed,
                            boolean blockAllowed) {
        static Analysis of(String text) {
            if (text.isEmpty()) {
                return new Analysis(false, true, true, false);
            }
            int[] chars = text.codePoints().toArray();
            boolean blockIndicators = text.startsWith("---") || text.startsWith("...");
            boolean lineBreaks = false;
            boolean special = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean precededByWhitespace = true;
            boolean previousSpace = false;
            boolean previousBreak = false;
            for (int i = 0; i < chars.length; i++) {
                int c = chars[i];
                boolean followedByWhitespace = i + 1 >= chars.length || Chars.isBlankOrBreak(chars[i + 1]);
                if (i == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0
                            || (c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                        blockIndicators = true;
                    }
                } else if (c == ':' && followedByWhitespace || c == '#' && precededByWhitespace) {
                    blockIndicators = true;
                }
                if (!Chars.isPrintable(c)) {
                    special = true;
                }
                boolean last = i == chars.length - 1;
                if (c == ' ') {
                    leadingSpace |= i == 0;
                    trailingSpace |= last;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                } else if (Chars.isBreak(c)) {
                    lineBreaks = true;
                    leadingBreak |= i == 0;
                    trailingBreak |= last;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = Chars.isBlankOrBreak(c);
            }
            boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace
                    || spaceBreak || special || lineBreaks || blockIndicators);
            boolean single = !(breakSpace || spaceBreak || special);
            boolean block = !(trailingSpace || spaceBreak || special);
            return new Analysis(lineBreaks, plain, single, block);
        }
    }

    /** libyaml's character classes (in code points; go-yaml counts a 4-byte character as not printable). */
    private static final class Chars {
        static boolean isPrintable(int c) {
            return c == 0x0A || c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
        }

        static boolean isBreak(int c) {
            return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
        }

        static boolean isBlankOrBreak(int c) {
            return c == ' ' || c == '\t' || c == 0 || isBreak(c);
        }
    }
}
