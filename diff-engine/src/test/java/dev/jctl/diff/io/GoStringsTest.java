package dev.jctl.diff.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoStringsTest {
    /** Expected values are what Go's fmt.Sprintf("%q", s) prints. */
    @Test
    void quotesAsGoDoes() {
        assertEquals("\"a\\\"b\\\\c\\n\"", GoStrings.quote("a\"b\\c\n"));
        assertEquals("\"tab\\there\\r\"", GoStrings.quote("tab\there\r"));
        assertEquals("\"bell\\x07 del\\x7f\"", GoStrings.quote("bell\u0007 del\u007f"));
        assertEquals("\"grüße 😀\"", GoStrings.quote("grüße 😀"));
    }
}
