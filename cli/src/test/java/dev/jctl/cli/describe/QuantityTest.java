package dev.jctl.cli.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical quantities as apimachinery prints them (cases from resource.Quantity's own tests). */
class QuantityTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0", "0m, 0", "1000m, 1", "100m, 100m", "0.5, 500m", "1.5, 1500m", "2, 2", "1k, 1k", "1000, 1k",
        "1500, 1500", "128Mi, 128Mi", "1024Mi, 1Gi", "1536Mi, 1536Mi", "1.5Gi, 1536Mi", "0.5Ki, 512",
        "8145440Ki, 8145440Ki", "1Ki, 1Ki", "1e3, 1e3", "1E6, 1e6", "12e2, 1200", "0.1m, 100u", "1n, 1n",
        "1.0000000001, 1000000001n", "-100m, -100m", "100M, 100M"
    })
    void printsTheCanonicalForm(String text, String canonical) {
        assertEquals(canonical, Quantity.parse(text).toString());
    }

    @Test
    void sumsKeepTheFirstFormatUnlessItIsZero() {
        assertEquals("300m", Quantity.parse("100m").plus(Quantity.parse("200m")).toString());
        assertEquals("1312Mi", Quantity.parse("1Gi").plus(Quantity.parse("288Mi")).toString());
        assertEquals("64Mi", Quantity.ZERO.plus(Quantity.parse("64Mi")).toString());
    }

    @Test
    void valuesRoundUp() {
        assertEquals(1500, Quantity.parse("1.5").milliValue());
        assertEquals(1, Quantity.parse("1m").milliValue());
        assertEquals(1, Quantity.parse("100m").longValue());
        assertEquals(1073741824L, Quantity.parse("1Gi").longValue());
    }

    @Test
    void rejectsWhatIsNotAQuantity() {
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1Qi"));
    }
}
