package dev.jctl.diff.smp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Go's sorts as patch.go uses them: Less is {@code <=} on the {@code %v} text. */
class GoSortTest {

    @Test
    void shortListsReverseEqualTextsLikeInsertionSort() {
        // 1 (int64) and "1" (string) print the same; insertion sort with <= swaps equal neighbours.
        GoSlice s = GoSlice.of(List.of("b", 1L, "a", "1"));
        GoSort.sortScalars(s);
        assertEquals(List.of("1", 1L, "a", "b"), s.toList());
    }

    @Test
    void longListsWithManyTiesEndUpSortedAndPermuted() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int n = 13 + random.nextInt(300);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add((long) random.nextInt(round % 2 == 0 ? 5 : 1000));
            }
            if (round % 3 == 0) {
                items.sort((x, y) -> GoValue.text(y).compareTo(GoValue.text(x)));
            }
            GoSlice s = GoSlice.of(items);
            GoSort.sortScalars(s);
            List<Object> sorted = s.toList();
            for (int i = 1; i < n; i++) {
                assertTrue(GoValue.text(sorted.get(i - 1)).compareTo(GoValue.text(sorted.get(i))) <= 0);
            }
            List<Object> expected = new ArrayList<>(items);
            expected.sort((x, y) -> Long.compare((Long) x, (Long) y));
            List<Object> actual = new ArrayList<>(sorted);
            actual.sort((x, y) -> Long.compare((Long) x, (Long) y));
            assertEquals(expected, actual);
        }
    }

    @Test
    void sliceStableKeepsOrderOfEqualItems() {
        GoSlice s = GoSlice.of(List.of("b1", "a1", "b2", "a2", "c1", "a3"));
        GoSort.sliceStable(s, (x, y) -> ((String) x).charAt(0) < ((String) y).charAt(0));
        assertEquals(List.of("a1", "a2", "a3", "b1", "b2", "c1"), s.toList());
    }

    @Test
    void deduplicateMovesTheLastElementIntoEachHole() {
        GoSlice s = GoSlice.of(List.of(1L, 2L, 1L, 3L, 2L));
        assertEquals(List.of(1L, 2L, 3L), GoSort.deduplicateScalars(s).toList());
        GoSlice t = GoSlice.of(List.of(1L, 1L, 2L, 3L));
        assertEquals(List.of(1L, 3L, 2L), GoSort.deduplicateScalars(t).toList());
    }

    @Test
    void floatsPrintLikeGo() {
        assertEquals("1e+06", GoValue.formatFloat(1_000_000.0));
        assertEquals("123456", GoValue.formatFloat(123_456.0));
        assertEquals("1.5", GoValue.formatFloat(1.5));
        assertEquals("1e-05", GoValue.formatFloat(0.00001));
        assertEquals("0.0001", GoValue.formatFloat(0.0001));
        assertEquals("-2.5e+10", GoValue.formatFloat(-2.5e10));
    }
}
