package dev.jctl.diff.smp;

import java.util.Map;

/**
 * The sorts of patch.go, reproduced with Go's algorithms because the tie-breaking is observable: upstream sorts
 * with {@code Less(a,b) = text(a) <= text(b)} (so equal elements come out reversed by insertion sort), orders
 * merge lists with {@code sort.SliceStable} under a comparator that is not a strict order, and deduplicates by
 * moving the last element into each hole.
 */
final class GoSort {
    /** sort.Stable's block size. */
    private static final int STABLE_BLOCK = 20;

    interface Less {
        boolean less(Object a, Object b);
    }

    private GoSort() {}

    /** SortableSliceOfScalars: sorts {@code s} in place by {@code %v} text and returns it. */
    static GoSlice sortScalars(GoSlice s) {
        String[] keys = new String[s.len()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = GoValue.text(s.get(i));
        }
        sortByText(s, keys);
        return s;
    }

    /**
     * SortableSliceOfMaps: a new slice of the same maps, ordered by the {@code %v} text of {@code field}.
     */
    static GoSlice sortMapsBasedOnField(GoSlice maps, String field) {
        GoSlice copy = GoSlice.empty();
        for (int i = 0; i < maps.len(); i++) {
            copy = copy.append(maps.get(i));
        }
        String[] keys = new String[copy.len()];
        for (int i = 0; i < keys.length; i++) {
            Map<String, Object> m = GoValue.asMap(copy.get(i));
            keys[i] = GoValue.text(m.get(field));
        }
        sortByText(copy, keys);
        GoSlice result = GoSlice.empty();
        for (int i = 0; i < copy.len(); i++) {
            result = result.append(copy.get(i));
        }
        return result;
    }

    /**
     * Insertion sort with {@code Less(j, j-1) = keys[j] <= keys[j-1]}, which is what sort.Sort runs for lists
     * of up to 12 elements. Longer lists use the same loop: Go's pdqsort may order elements with equal text
     * differently, and only such ties could tell the two apart.
     */
    private static void sortByText(GoSlice s, String[] keys) {
        for (int i = 1; i < keys.length; i++) {
            for (int j = i; j > 0 && GoValue.compareStrings(keys[j], keys[j - 1]) <= 0; j--) {
                s.swap(j, j - 1);
                String t = keys[j];
                keys[j] = keys[j - 1];
                keys[j - 1] = t;
            }
        }
    }

    /** deduplicateScalars: removes later duplicates by moving the last element into the hole, in place. */
    static GoSlice deduplicateScalars(GoSlice s) {
        int length = s.len() - 1;
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j <= length; j++) {
                if (GoValue.eq(s.get(i), s.get(j))) {
                    s.set(j, s.get(length));
                    s = s.slice(0, length);
                    length--;
                    j--;
                }
            }
        }
        return s;
    }

    static GoSlice deduplicateAndSortScalars(GoSlice s) {
        return sortScalars(deduplicateScalars(s));
    }

    /** sort.SliceStable: insertion-sorted blocks of 20 merged with SymMerge, in place. */
    static void sliceStable(GoSlice s, Less less) {
        int n = s.len();
        int blockSize = STABLE_BLOCK;
        int a = 0;
        int b = blockSize;
        while (b <= n) {
            insertionSort(s, less, a, b);
            a = b;
            b += blockSize;
        }
        insertionSort(s, less, a, n);
        while (blockSize < n) {
            a = 0;
            b = 2 * blockSize;
            while (b <= n) {
                symMerge(s, less, a, a + blockSize, b);
                a = b;
                b += 2 * blockSize;
            }
            int m = a + blockSize;
            if (m < n) {
                symMerge(s, less, a, m, n);
            }
            blockSize *= 2;
        }
    }

    private static boolean lessAt(GoSlice s, Less less, int i, int j) {
        return less.less(s.get(i), s.get(j));
    }

    private static void insertionSort(GoSlice s, Less less, int a, int b) {
        for (int i = a + 1; i < b; i++) {
            for (int j = i; j > a && lessAt(s, less, j, j - 1); j--) {
                s.swap(j, j - 1);
            }
        }
    }

    private static void symMerge(GoSlice s, Less less, int a, int m, int b) {
        if (m - a == 1) {
            int i = m;
            int j = b;
            while (i < j) {
                int h = (i + j) >>> 1;
                if (lessAt(s, less, h, a)) {
                    i = h + 1;
                } else {
                    j = h;
                }
            }
            for (int k = a; k < i - 1; k++) {
                s.swap(k, k + 1);
            }
            return;
        }
        if (b - m == 1) {
            int i = a;
            int j = m;
            while (i < j) {
                int h = (i + j) >>> 1;
                if (!lessAt(s, less, m, h)) {
                    i = h + 1;
                } else {
                    j = h;
                }
            }
            for (int k = m; k > i; k--) {
                s.swap(k, k - 1);
            }
            return;
        }
        int mid = (a + b) >>> 1;
        int n = mid + m;
        int start;
        int r;
        if (m > mid) {
            start = n - b;
            r = mid;
        } else {
            start = a;
            r = m;
        }
        int p = n - 1;
        while (start < r) {
            int c = (start + r) >>> 1;
            if (!lessAt(s, less, p - c, c)) {
                start = c + 1;
            } else {
                r = c;
            }
        }
        int end = n - start;
        if (start < m && m < end) {
            rotate(s, start, m, end);
        }
        if (a < start && start < mid) {
            symMerge(s, less, a, start, mid);
        }
        if (mid < end && end < b) {
            symMerge(s, less, mid, end, b);
        }
    }

    private static void rotate(GoSlice s, int a, int m, int b) {
        int i = m - a;
        int j = b - m;
        while (i != j) {
            if (i > j) {
                swapRange(s, m - i, m, j);
                i -= j;
            } else {
                swapRange(s, m - i, m + j - i, i);
                j -= i;
            }
        }
        swapRange(s, m - i, m, i);
    }

    private static void swapRange(GoSlice s, int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            s.swap(a + i, b + i);
        }
    }
}
