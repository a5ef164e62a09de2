package dev.jctl.cli.get;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl's tab writer: minimum width 6, padding 3, widths remembered across flushes, blank line between tables. */
class TabWriterTest {
    @Test
    void columnsOnlyGrowAcrossFlushesUntilForgotten() {
        StringWriter text = new StringWriter();
        TabWriter tab = new TabWriter(new PrintWriter(text));
        tab.line(List.of("NAME", "DATA", "AGE"));
        tab.line(List.of("c1", "1", "5s"));
        tab.flush();
        tab.line(List.of("a-much-longer-name", "1", "0s"));
        tab.flush();
        tab.line(List.of("c1", "2", "9s"));
        tab.flush();
        tab.forgetWidths();
        tab.separateNext();
        tab.line(List.of("X", "Y"));
        tab.flush();
        assertEquals("""
                NAME   DATA   AGE
                c1     1      5s
                a-much-longer-name   1      0s
                c1                   2      9s

                X     Y
                """, text.toString());
    }

    @Test
    void aSeparatorWithNothingAfterItIsNotWritten() {
        StringWriter text = new StringWriter();
        TabWriter tab = new TabWriter(new PrintWriter(text));
        tab.separateNext();
        tab.flush();
        assertEquals("", text.toString());
        assertEquals(false, tab.written());
    }
}
