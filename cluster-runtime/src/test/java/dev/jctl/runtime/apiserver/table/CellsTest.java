package dev.jctl.runtime.apiserver.table;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellsTest {
    @Test
    void humanDurationRoundsLikeApimachinery() {
        assertEquals("0s", Cells.humanDuration(Duration.ofMillis(-500)));
        assertEquals("<invalid>", Cells.humanDuration(Duration.ofSeconds(-5)));
        assertEquals("119s", Cells.humanDuration(Duration.ofSeconds(119)));
        assertEquals("2m", Cells.humanDuration(Duration.ofSeconds(120)));
        assertEquals("5m30s", Cells.humanDuration(Duration.ofSeconds(330)));
        assertEquals("45m", Cells.humanDuration(Duration.ofMinutes(45)));
        assertEquals("3h", Cells.humanDuration(Duration.ofHours(3)));
        assertEquals("3h5m", Cells.humanDuration(Duration.ofMinutes(185)));
        assertEquals("20h", Cells.humanDuration(Duration.ofHours(20)));
        assertEquals("3d4h", Cells.humanDuration(Duration.ofHours(76)));
        assertEquals("30d", Cells.humanDuration(Duration.ofDays(30)));
        assertEquals("3y10d", Cells.humanDuration(Duration.ofDays(3 * 365 + 10)));
        assertEquals("9y", Cells.humanDuration(Duration.ofDays(9 * 365 + 100)));
    }
}
