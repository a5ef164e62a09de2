package dev.jctl.cli.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's text/tabwriter column blocks, as kubectl's describe output depends on them. */
class TabWriterTest {
    @Test
    void alignsAColumnOnlyOverAdjacentLinesThatHaveIt() {
        TabWriter w = new TabWriter();
        w.write("Name:\tweb\nLabels:\tapp=web\nPod Template:\n  Image:\tnginx\n  Port:\t80\n");
        assertEquals("""
                Name:    web
                Labels:  app=web
                Pod Template:
                  Image:  nginx
                  Port:   80
                """, w.text());
    }

    @Test
    void nestedColumnsAlignWithinTheirOuterBlock() {
        TabWriter w = new TabWriter();
        w.write("a\tbb\tc\nlonger\tb\tcc\nx\n");
        assertEquals("a       bb  c\nlonger  b   cc\nx\n", w.text());
    }

    @Test
    void aFlushStartsANewAlignment() {
        TabWriter w = new TabWriter();
        w.write("Name:\tweb\n");
        w.flush();
        w.write("Events:\n  Type\tReason\n  Normal\tPulled\n");
        assertEquals("Name:  web\nEvents:\n  Type    Reason\n  Normal  Pulled\n", w.text());
    }

    @Test
    void emptyCellsArePaddedAndTheLastCellIsNot() {
        TabWriter w = new TabWriter();
        w.write("  ns\tname\t\tcpu\n  ---\t----\t\t---\n");
        assertEquals("  ns   name    cpu\n  ---  ----    ---\n", w.text());
    }

    @Test
    void widthCountsCharactersNotBytes() {
        TabWriter w = new TabWriter();
        w.write("é\tx\nab\ty\n");
        assertEquals("é   x\nab  y\n", w.text());
    }
}
