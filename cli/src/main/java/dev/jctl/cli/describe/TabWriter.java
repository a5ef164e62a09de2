package dev.jctl.cli.describe;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as kubectl's describers configure it (minimum width 0, padding 2, spaces): a cell is
 * text ended by a tab, the text after a line's last tab is not aligned, and a column is aligned only over the run
 * of adjacent lines that all have a cell in it. {@link #flush()} ends the alignment of what came before, as
 * kubectl's flush before the Events table does.
 */
final class TabWriter {
    private static final int PADDING = 2;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final List<Integer> widths = new ArrayList<>();
    private List<List<String>> lines;
    private boolean endsWithNewline;

    void write(String text) {
        pending.append(text);
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        endsWithNewline = text.endsWith("\n");
        String[] rawLines = (endsWithNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        lines = new ArrayList<>(rawLines.length);
        for (String line : rawLines) {
            lines.add(List.of(line.split("\t", -1)));
        }
        format(0, lines.size());
        lines = null;
    }

    /** Everything written, flushed. */
    String text() {
        flush();
        return out.toString();
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int i = line0; i < line1; i++) {
            if (column >= lines.get(i).size() - 1) {
                continue;
            }
            writeLines(line0, i);
            line0 = i;
            int width = 0;
            for (; i < line1; i++) {
                List<String> line = lines.get(i);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, width(line.get(column)) + PADDING);
            }
            widths.add(width);
            format(line0, i);
            widths.remove(widths.size() - 1);
            line0 = i;
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<String> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                String cell = line.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    out.append(" ".repeat(Math.max(0, widths.get(j) - width(cell))));
                }
            }
            if (i + 1 < lines.size() || endsWithNewline) {
                out.append('\n');
            }
        }
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
