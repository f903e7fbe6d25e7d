package com.assetcollections.query;

import java.util.Arrays;

/**
 * Collects a list's ids in order, keeping at most a fixed number: every id while they fit, then
 * every second one, every fourth, and so on. Entry {@code j} is always the id at position
 * {@code (j + 1) * stride - 1}: the last row before block {@code j + 1}.
 */
final class StridedIds {

    private final int capacity;
    private long[] kept = new long[1024];
    private int size;
    private int stride = 1;
    private long seen;

    StridedIds(int capacity) {
        this.capacity = capacity;
    }

    void add(long id) {
        seen++;
        if (seen % stride != 0) {
            return;
        }
        if (size == capacity) {
            halve();
            if (seen % stride != 0) {
                return;
            }
        }
        if (size == kept.length) {
            kept = Arrays.copyOf(kept, Math.min(capacity, kept.length * 2));
        }
        kept[size++] = id;
    }

    OrderedIds.Listing listing(long version) {
        return new OrderedIds.Listing(version, seen, stride, Arrays.copyOf(kept, size));
    }

    /** Doubles the stride: the entries at positions 2s-1, 4s-1, ... are the odd ones of those kept. */
    private void halve() {
        int half = 0;
        for (int j = 1; j < size; j += 2) {
            kept[half++] = kept[j];
        }
        size = half;
        stride *= 2;
    }
}
