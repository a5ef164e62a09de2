package dev.jctl.runtime.apiserver.openapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The value checks of Go's decoders that have no field to name: base64 offsets, quantity formats. */
class GoValueFormatsTest {
    @Test
    void base64ErrorsReportGosByteOffset() {
        assertEquals(-1, GoBase64.corruptAt(""));
        assertEquals(-1, GoBase64.corruptAt("aGVsbG8="));
        assertEquals(-1, GoBase64.corruptAt("aGVs\nbG8="));
        assertEquals(0, GoBase64.corruptAt("abc"), "a short final quantum reports its start");
        assertEquals(4, GoBase64.corruptAt("aGVsbG8"));
        assertEquals(3, GoBase64.corruptAt("not base64"));
        assertEquals(1, GoBase64.corruptAt("a==="), "padding after one character");
        assertEquals(4, GoBase64.corruptAt("aGk=x"), "data after the padding");
        assertEquals(-1, GoBase64.corruptAt("aG=="), "two characters and their padding are one byte");
        assertEquals(2, GoBase64.corruptAt("aG=x"), "the second padding character is missing");
    }

    @Test
    void quantitiesAreRefusedAsParseQuantityRefusesThem() {
        for (String ok : new String[] {"0", "1", "+1", "-1.5", ".5", "1.", "500m", "1Gi", "2e3", "1E-3", "12Ki", " 7 ",
                "k", "."}) {
            assertNull(Quantities.unmarshalError(ok), ok);
        }
        for (String wrong : new String[] {"", "abc", "1x", "1Zi", "1.2.3", "1e", "{}", "true"}) {
            String expected = wrong.equals("1e") ? Quantities.SUFFIX : Quantities.FORMAT_WRONG;
            assertEquals(expected, Quantities.unmarshalError(wrong), wrong);
        }
        assertEquals(Quantities.SUFFIX, Quantities.unmarshalError("1kk"));
        assertEquals(Quantities.SUFFIX, Quantities.unmarshalError("1ei"));
        assertEquals(Quantities.SUFFIX, Quantities.unmarshalError("--1"), "a sign then digits read as a suffix");
    }
}
