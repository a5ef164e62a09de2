package dev.jctl.cli.describe;

/**
 * kubectl's describe {@code PrefixWriter}: text at an indentation level of two spaces per level, with the
 * terminal escape character and carriage returns made harmless (as kubectl's {@code WriteEscaped} does), into a
 * {@link TabWriter}. A nested writer adds levels, for sections printed inside others.
 */
public final class PrefixWriter {
    private final TabWriter out;
    private final int indent;

    public PrefixWriter() {
        this(new TabWriter(), 0);
    }

    private PrefixWriter(TabWriter out, int indent) {
        this.out = out;
        this.indent = indent;
    }

    /** {@code text} (already formatted) indented by {@code level} levels. */
    public PrefixWriter write(int level, String text) {
        out.write(escape("  ".repeat(level + indent) + text));
        return this;
    }

    /** A whole line with no indentation of its own (a nested writer still indents it). */
    public PrefixWriter writeLine(String text) {
        return write(0, text + "\n");
    }

    /** Ends the current alignment: what follows is aligned on its own. */
    public void flush() {
        out.flush();
    }

    public PrefixWriter nested(int levels) {
        return new PrefixWriter(out, indent + levels);
    }

    /** All that was written, aligned. */
    public String text() {
        return out.text();
    }

    static String escape(String text) {
        return text.replace("\u001b", "^[").replace("\r", "\\r");
    }
}
