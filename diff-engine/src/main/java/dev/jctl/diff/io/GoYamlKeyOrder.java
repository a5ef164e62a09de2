package dev.jctl.diff.io;

import java.util.Comparator;

/**
 * The order go-yaml v2 sorts mapping keys in, and so the order of every {@code kubectl -o yaml}: letters after
 * other characters, runs of digits compared as numbers ({@code a9} before {@code a10}), {@code x1} before
 * {@code x01}. It is not a total order for some odd keys ({@code 10 < 1x < 9 < 10}), so callers must sort with
 * an algorithm that tolerates that (Go's own order for such keys depends on map iteration anyway).
 */
final class GoYamlKeyOrder implements Comparator<String> {
    static final GoYamlKeyOrder INSTANCE = new GoYamlKeyOrder();

    private GoYamlKeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return less(a.codePoints().toArray(), b.codePoints().toArray()) ? -1 : 1;
    }

    private static boolean less(int[] a, int[] b) {
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
