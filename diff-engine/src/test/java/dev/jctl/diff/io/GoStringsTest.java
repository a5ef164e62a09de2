package dev.jctl.diff.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoStringsTest {
    /** Expected values are what Go's fmt.Sprintf("%q", s) prints. */
    @Test
    void quotesAsGoDoes() {
        assertEquals("\"a\\\"b\\\\c\\n\"", GoStrings.quote("a\"b\\c\n"));
        assertEquals("\"tab\\there\\r\"", GoStrings.quote("tab\there\r"));
        assertEquals("\"bell\\a del\\x7f nul\\x00 vt\\v\"", GoStrings.quote("bell\u0007 del\u007f nul\u0000 vt\u000b"));
        assertEquals("\"nbsp\\u00a0 bom\\ufeff\"", GoStrings.quote("nbsp\u00a0 bom\ufeff"));
        assertEquals("\"gr\\u00fc\\u00dfe \\U0001f600\"", GoStrings.quoteToAscii("grüße 😀"));
        assertEquals("'\\''", GoStrings.quoteRune('\'', false));
        assertEquals("'\\x00'", GoStrings.quoteRune(0, false));
        assertEquals("'�'", GoStrings.quoteRune(-1, false));
        assertEquals("\"grüße 😀\"", GoStrings.quote("grüße 😀"));
    }
}
