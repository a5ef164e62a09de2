package dev.jctl.diff.smp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Go slice header ({@code []interface{}}): a window onto a shared backing array. The upstream algorithm sorts,
 * deduplicates and appends in place, and some of its results depend on another header still seeing the backing
 * array afterwards (for example the live list used to order server-only items after a {@code $patch: delete}).
 * Modelling slices this way lets the port follow {@code patch.go} statement by statement.
 */
final class GoSlice {
    private static final int ELEMENT_BYTES = 16; // an interface value on 64-bit Go
    /** Go's malloc size classes up to 32 KiB; {@code append} rounds a grown backing array up to one of these. */
    private static final int[] SIZE_CLASSES = {
        0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
        416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072,
        3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336,
        16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

    private final Object[] array;
    private final int offset;
    private final int length;
    private final int capacity;

    private GoSlice(Object[] array, int offset, int length, int capacity) {
        this.array = array;
        this.offset = offset;
        this.length = length;
        this.capacity = capacity;
    }

    /** {@code []interface{}{}}: empty, no capacity. */
    static GoSlice empty() {
        return new GoSlice(new Object[0], 0, 0, 0);
    }

    /** {@code make([]interface{}, 0, capacity)}. */
    static GoSlice withCapacity(int capacity) {
        return new GoSlice(new Object[capacity], 0, 0, capacity);
    }

    /** A slice with exactly these elements and no spare capacity, like a composite literal or {@code copy}. */
    static GoSlice of(List<?> items) {
        Object[] a = items.toArray();
        return new GoSlice(a, 0, a.length, a.length);
    }

    /**
     * A slice built by appending one element at a time to {@code make([]interface{}, 0)}, which is how
     * encoding/json decodes an array: the capacity follows Go's growth sequence, so later in-place appends
     * behave as in Go.
     */
    static GoSlice appended(List<?> items) {
        int size = items.size();
        int cap;
        if (size <= 256) {
            // Doubling from 1 hits a size class exactly each time: the capacity is the next power of two.
            cap = size <= 1 ? size : Integer.highestOneBit(size - 1) << 1;
        } else {
            cap = 256;
            while (cap < size) {
                cap = grownCapacity(cap, cap + 1);
            }
        }
        Object[] a = Arrays.copyOf(items.toArray(), cap);
        return new GoSlice(a, 0, items.size(), cap);
    }

    int len() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    Object get(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("index " + i + " out of range [" + length + "]");
        }
        return array[offset + i];
    }

    void set(int i, Object value) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("index " + i + " out of range [" + length + "]");
        }
        array[offset + i] = value;
    }

    void swap(int i, int j) {
        Object t = array[offset + i];
        array[offset + i] = array[offset + j];
        array[offset + j] = t;
    }

    /** {@code s[from:to]}, sharing the backing array. */
    GoSlice slice(int from, int to) {
        if (from < 0 || to < from || to > capacity) {
            throw new IndexOutOfBoundsException("slice bounds out of range [" + from + ":" + to + "]");
        }
        return new GoSlice(array, offset + from, to - from, capacity - from);
    }

    GoSlice append(Object value) {
        return appendAll(new Object[] {value}, 0, 1);
    }

    GoSlice appendAll(GoSlice other) {
        if (other == null) {
            return this;
        }
        return appendAll(other.array, other.offset, other.length);
    }

    private GoSlice appendAll(Object[] source, int sourceOffset, int count) {
        int newLength = length + count;
        if (newLength <= capacity) {
            // In place, like Go: visible through every header that shares the backing array.
            System.arraycopy(source, sourceOffset, array, offset + length, count);
            return new GoSlice(array, offset, newLength, capacity);
        }
        int newCapacity = grownCapacity(capacity, newLength);
        Object[] grown = new Object[newCapacity];
        System.arraycopy(array, offset, grown, 0, length);
        System.arraycopy(source, sourceOffset, grown, length, count);
        return new GoSlice(grown, 0, newLength, newCapacity);
    }

    List<Object> toList() {
        List<Object> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(array[offset + i]);
        }
        return list;
    }

    /** runtime.growslice followed by roundupsize, for 16-byte elements. */
    private static int grownCapacity(int oldCapacity, int newLength) {
        int newCapacity = oldCapacity;
        int doubled = oldCapacity + oldCapacity;
        if (newLength > doubled) {
            newCapacity = newLength;
        } else if (oldCapacity < 256) {
            newCapacity = doubled;
        } else {
            while (newCapacity > 0 && newCapacity < newLength) {
                newCapacity += (newCapacity + 3 * 256) >> 2;
            }
            if (newCapacity <= 0) {
                newCapacity = newLength;
            }
        }
        long bytes = (long) newCapacity * ELEMENT_BYTES;
        return (int) (roundUpSize(bytes) / ELEMENT_BYTES);
    }

    private static long roundUpSize(long bytes) {
        if (bytes <= SIZE_CLASSES[SIZE_CLASSES.length - 1]) {
            for (int c : SIZE_CLASSES) {
                if (c >= bytes) {
                    return c;
                }
            }
        }
        long page = 8192;
        return (bytes + page - 1) / page * page;
    }
}
