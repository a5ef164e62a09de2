package dev.jctl.diff.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order go-yaml v2 sorts mapping keys in, and so the order of every {@code kubectl -o yaml}: letters after
 * other characters, runs of digits compared as numbers ({@code a9} before {@code a10}), {@code x1} before
 * {@code x01}. It is not a total order for some odd keys ({@code 10 < 1x < 9 < 10}), so {@link #sort} uses
 * algorithms that tolerate that, where {@code List.sort} may throw (Go's own order for such keys depends on map
 * iteration anyway).
 */
final class GoYamlKeyOrder {
    private GoYamlKeyOrder() {
    }

    /** Go's choice for up to 12 keys (insertion sort), a merge sort beyond; each key decoded once. */
    static <V> List<Map.Entry<String, V>> sort(List<Map.Entry<String, V>> entries) {
        int n = entries.size();
        int[][] keys = new int[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = entries.get(i).getKey().codePoints().toArray();
            order[i] = i;
        }
        Comparator<Integer> byKey = (x, y) -> less(keys[x], keys[y]) ? -1 : less(keys[y], keys[x]) ? 1 : 0;
        if (n <= 12) {
            for (int i = 1; i < n; i++) {
                for (int j = i; j > 0 && byKey.compare(order[j], order[j - 1]) < 0; j--) {
                    Integer swap = order[j];
                    order[j] = order[j - 1];
                    order[j - 1] = swap;
                }
            }
        } else {
            mergeSort(order, new Integer[n], 0, n, byKey);
        }
        List<Map.Entry<String, V>> sorted = new ArrayList<>(n);
        for (Integer index : order) {
            sorted.add(entries.get(index));
        }
        return sorted;
    }

    private static void mergeSort(Integer[] items, Integer[] scratch, int from, int to, Comparator<Integer> order) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(items, scratch, from, middle, order);
        mergeSort(items, scratch, middle, to, order);
        System.arraycopy(items, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            boolean takeRight = left >= middle || right < to && order.compare(scratch[right], scratch[left]) < 0;
            items[i] = takeRight ? scratch[right++] : scratch[left++];
        }
    }

    static boolean less(int[] a, int[] b) {
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            boolean aLetter = Character.isLetter(a[i]);
            boolean bLetter = Character.isLetter(b[i]);
            if (aLetter && bLetter) {
                return a[i] < b[i];
            }
            if (aLetter || bLetter) {
                return bLetter;
            }
            long aNumber = 0;
            long bNumber = 0;
            if (a[i] == '0' || b[i] == '0') {
                // a zero inside a number ("10" vs "1x" at the 0) is a digit of that number, not a leading zero
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        aNumber = 1;
                        bNumber = 1;
                        break;
                    }
                }
            }
            int aEnd = i;
            for (; aEnd < a.length && Character.isDigit(a[aEnd]); aEnd++) {
                aNumber = aNumber * 10 + (a[aEnd] - '0');
            }
            int bEnd = i;
            for (; bEnd < b.length && Character.isDigit(b[bEnd]); bEnd++) {
                bNumber = bNumber * 10 + (b[bEnd] - '0');
            }
            if (aNumber != bNumber) {
                return aNumber < bNumber;
            }
            if (aEnd != bEnd) {
                return aEnd < bEnd;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
