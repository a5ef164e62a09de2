package dev.jctl.cli.get;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The boundaries of apimachinery's HumanDuration, where the format changes. */
class HumanDurationTest {
    private static String of(long seconds) {
        return HumanDuration.of(Duration.ofSeconds(seconds));
    }

    @Test
    void formatChangesAtKubectlsBoundaries() {
        assertEquals("<invalid>", of(-2));
        assertEquals("0s", of(-1));
        assertEquals("119s", of(119));
        assertEquals("2m", of(120));
        assertEquals("2m5s", of(125));
        assertEquals("10m", of(10 * 60 + 5));
        assertEquals("179m", of(179 * 60));
        assertEquals("3h", of(3 * 3600));
        assertEquals("3h5m", of(3 * 3600 + 5 * 60));
        assertEquals("8h", of(8 * 3600 + 59));
        assertEquals("47h", of(47 * 3600));
        assertEquals("2d", of(48 * 3600));
        assertEquals("2d5h", of(53 * 3600));
        assertEquals("8d", of(8 * 24 * 3600));
        assertEquals("729d", of(729L * 24 * 3600));
        assertEquals("2y", of(730L * 24 * 3600));
        assertEquals("2y10d", of(740L * 24 * 3600));
        assertEquals("8y", of(8L * 365 * 24 * 3600));
    }
}
