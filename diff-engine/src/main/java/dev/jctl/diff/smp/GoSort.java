package dev.jctl.diff.smp;

import java.util.Map;

/**
 * The sorts of patch.go, reproduced with Go's algorithms because the tie-breaking is observable: upstream sorts
 * with {@code Less(a,b) = text(a) <= text(b)} (so short runs of equal elements come out reversed), orders
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
        return copy;
    }

    /** sort.Sort (pdqsort) with {@code Less(i, j) = keys[i] <= keys[j]}, swapping elements and keys together. */
    private static void sortByText(GoSlice s, String[] keys) {
        int n = keys.length;
        if (n <= 1) {
            return;
        }
        new TextSorter(s, keys).pdqsort(0, n, 64 - Long.numberOfLeadingZeros(n));
    }

    /**
     * Go's pdqsort over a slice and the {@code %v} texts of its elements. With a non-strict Less the placement
     * of equal elements is part of the observable result, so this follows sort/zsortinterface.go step by step.
     */
    private static final class TextSorter {
        private static final int MAX_INSERTION = 12;
        private static final int UNKNOWN_HINT = 0;
        private static final int INCREASING_HINT = 1;
        private static final int DECREASING_HINT = 2;

        private final GoSlice s;
        private final String[] keys;
        private int swaps;

        TextSorter(GoSlice s, String[] keys) {
            this.s = s;
            this.keys = keys;
        }

        private boolean less(int i, int j) {
            return GoValue.compareStrings(keys[i], keys[j]) <= 0;
        }

        private void swap(int i, int j) {
            s.swap(i, j);
            String t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }

        void pdqsort(int a, int b, int limit) {
            boolean wasBalanced = true;
            boolean wasPartitioned = true;
            while (true) {
                int length = b - a;
                if (length <= MAX_INSERTION) {
                    insertionSort(a, b);
                    return;
                }
                if (limit == 0) {
                    heapSort(a, b);
                    return;
                }
                if (!wasBalanced) {
                    breakPatterns(a, b);
                    limit--;
                }
                swaps = 0;
                int[] choice = choosePivot(a, b);
                int pivot = choice[0];
                int hint = choice[1];
                if (hint == DECREASING_HINT) {
                    reverseRange(a, b);
                    pivot = (b - 1) - (pivot - a);
                    hint = INCREASING_HINT;
                }
                if (wasBalanced && wasPartitioned && hint == INCREASING_HINT && partialInsertionSort(a, b)) {
                    return;
                }
                if (a > 0 && !less(a - 1, pivot)) {
                    a = partitionEqual(a, b, pivot);
                    continue;
                }
                int[] partitioned = partition(a, b, pivot);
                int mid = partitioned[0];
                wasPartitioned = partitioned[1] == 1;
                int leftLen = mid - a;
                int rightLen = b - mid;
                int balanceThreshold = length / 8;
                if (leftLen < rightLen) {
                    wasBalanced = leftLen >= balanceThreshold;
                    pdqsort(a, mid, limit);
                    a = mid + 1;
                } else {
                    wasBalanced = rightLen >= balanceThreshold;
                    pdqsort(mid + 1, b, limit);
                    b = mid;
                }
            }
        }

        private void insertionSort(int a, int b) {
            for (int i = a + 1; i < b; i++) {
                for (int j = i; j > a && less(j, j - 1); j--) {
                    swap(j, j - 1);
                }
            }
        }

        private void siftDown(int lo, int hi, int first) {
            int root = lo;
            while (true) {
                int child = 2 * root + 1;
                if (child >= hi) {
                    return;
                }
                if (child + 1 < hi && less(first + child, first + child + 1)) {
                    child++;
                }
                if (!less(first + root, first + child)) {
                    return;
                }
                swap(first + root, first + child);
                root = child;
            }
        }

        private void heapSort(int a, int b) {
            int first = a;
            int hi = b - a;
            for (int i = (hi - 1) / 2; i >= 0; i--) {
                siftDown(i, hi, first);
            }
            for (int i = hi - 1; i >= 0; i--) {
                swap(first, first + i);
                siftDown(0, i, first);
            }
        }

        /** Returns {newPivot, alreadyPartitioned ? 1 : 0}. */
        private int[] partition(int a, int b, int pivot) {
            swap(a, pivot);
            int i = a + 1;
            int j = b - 1;
            while (i <= j && less(i, a)) {
                i++;
            }
            while (i <= j && !less(j, a)) {
                j--;
            }
            if (i > j) {
                swap(j, a);
                return new int[] {j, 1};
            }
            swap(i, j);
            i++;
            j--;
            while (true) {
                while (i <= j && less(i, a)) {
                    i++;
                }
                while (i <= j && !less(j, a)) {
                    j--;
                }
                if (i > j) {
                    break;
                }
                swap(i, j);
                i++;
                j--;
            }
            swap(j, a);
            return new int[] {j, 0};
        }

        private int partitionEqual(int a, int b, int pivot) {
            swap(a, pivot);
            int i = a + 1;
            int j = b - 1;
            while (true) {
                while (i <= j && !less(a, i)) {
                    i++;
                }
                while (i <= j && less(a, j)) {
                    j--;
                }
                if (i > j) {
                    break;
                }
                swap(i, j);
                i++;
                j--;
            }
            return i;
        }

        private boolean partialInsertionSort(int a, int b) {
            final int maxSteps = 5;
            final int shortestShifting = 50;
            int i = a + 1;
            for (int step = 0; step < maxSteps; step++) {
                while (i < b && !less(i, i - 1)) {
                    i++;
                }
                if (i == b) {
                    return true;
                }
                if (b - a < shortestShifting) {
                    return false;
                }
                swap(i, i - 1);
                if (i - a >= 2) {
                    for (int j = i - 1; j >= 1; j--) {
                        if (!less(j, j - 1)) {
                            break;
                        }
                        swap(j, j - 1);
                    }
                }
                if (b - i >= 2) {
                    for (int j = i + 1; j < b; j++) {
                        if (!less(j, j - 1)) {
                            break;
                        }
                        swap(j, j - 1);
                    }
                }
            }
            return false;
        }

        private void breakPatterns(int a, int b) {
            int length = b - a;
            if (length >= 8) {
                long random = length; // xorshift seeded with the length
                long modulus = 1L << (64 - Long.numberOfLeadingZeros(length));
                for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
                    random ^= random << 13;
                    random ^= random >>> 7;
                    random ^= random << 17;
                    int other = (int) (random & (modulus - 1));
                    if (other >= length) {
                        other -= length;
                    }
                    swap(idx, a + other);
                }
            }
        }

        /** Returns {pivot, hint}; counts the swaps median selection would make to detect sorted runs. */
        private int[] choosePivot(int a, int b) {
            final int shortestNinther = 50;
            final int maxSwaps = 4 * 3;
            int l = b - a;
            int i = a + l / 4;
            int j = a + l / 4 * 2;
            int k = a + l / 4 * 3;
            if (l >= 8) {
                if (l >= shortestNinther) {
                    i = median(i - 1, i, i + 1);
                    j = median(j - 1, j, j + 1);
                    k = median(k - 1, k, k + 1);
                }
                j = median(i, j, k);
            }
            int hint = swaps == 0 ? INCREASING_HINT : swaps == maxSwaps ? DECREASING_HINT : UNKNOWN_HINT;
            return new int[] {j, hint};
        }

        private int median(int a, int b, int c) {
            int[] ab = order2(a, b);
            int[] bc = order2(ab[1], c);
            int[] ab2 = order2(ab[0], bc[0]);
            return ab2[1];
        }

        private int[] order2(int a, int b) {
            if (less(b, a)) {
                swaps++;
                return new int[] {b, a};
            }
            return new int[] {a, b};
        }

        private void reverseRange(int a, int b) {
            for (int i = a, j = b - 1; i < j; i++, j--) {
                swap(i, j);
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
