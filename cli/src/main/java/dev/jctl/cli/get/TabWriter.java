package dev.jctl.cli.get;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns rows of cells as kubectl's tab writer does (Go's tabwriter with minimum width 6, padding 3, the last cell
 * of a line unpadded) and, like its {@code RememberWidths} flag, keeps each column's width across flushes, so the
 * rows of a watch that arrive one by one only ever push columns wider. Lines are buffered until {@link #flush()}.
 */
public final class TabWriter {
    private static final int PADDING = 3;
    private static final int MIN_WIDTH = 6;

    private final PrintWriter out;
    private final List<List<String>> lines = new ArrayList<>();
    private int[] remembered = new int[0];
    private boolean separatorPending;
    private boolean written;

    public TabWriter(PrintWriter out) {
        this.out = out;
    }

    public void line(List<String> cells) {
        lines.add(List.copyOf(cells));
    }

    /** Writes a blank line before the next text written, if any comes (kubectl's separator between tables). */
    public void separateNext() {
        separatorPending = true;
    }

    /** Forgets the remembered widths: the next table starts its own alignment. */
    public void forgetWidths() {
        remembered = new int[0];
    }

    /** Writes the buffered lines, each column as wide as its widest cell here or in an earlier flush. */
    public void flush() {
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = java.util.Arrays.copyOf(remembered, Math.max(remembered.length, columns));
        for (List<String> line : lines) {
            for (int i = 0; i < line.size() - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, width(line.get(i)) + PADDING));
            }
        }
        remembered = widths;
        if (!lines.isEmpty() && separatorPending) {
            out.println();
            separatorPending = false;
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                text.append(cell);
                if (i < line.size() - 1) {
                    text.append(" ".repeat(widths[i] - width(cell)));
                }
            }
            out.println(text);
        }
        written |= !lines.isEmpty();
        lines.clear();
        out.flush();
    }

    /** Whether any line has been written. */
    public boolean written() {
        return written;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
