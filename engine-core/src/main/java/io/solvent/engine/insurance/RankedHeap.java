package io.solvent.engine.insurance;

import java.util.Arrays;

/**
 * Items {@code 0 .. capacity − 1} in ranked-deleveraging order: highest key first, equal keys by the lower item. An
 * indexed binary heap: the top in O(1), a poll, an insertion, a re-key or a removal in O(log n), a batch of unordered
 * additions put in order in O(n). The order is total, so the sequence of polls does not depend on the heap's shape.
 */
public final class RankedHeap {
    private final int[] at; // item → heap position, −1 when absent
    private final double[] key;
    private int[] heap;
    private int size;

    /** @param capacity the number of distinct items, {@code 0 .. capacity − 1} */
    public RankedHeap(int capacity) {
        at = new int[capacity];
        Arrays.fill(at, -1);
        key = new double[capacity];
        heap = new int[Math.max(1, Math.min(capacity, 16))];
    }

    /** @return the number of items held */
    public int size() {
        return size;
    }

    /**
     * @param item an item
     * @return whether it is held
     */
    public boolean contains(int item) {
        return at[item] >= 0;
    }

    /**
     * @param item an item held, or one held before
     * @return its last key
     */
    public double key(int item) {
        return key[item];
    }

    /** @return the first item in order; the heap must not be empty */
    public int peek() {
        return heap[0];
    }

    /** Removes every item, in O(size). */
    public void clear() {
        for (int i = 0; i < size; i++) {
            at[heap[i]] = -1;
        }
        size = 0;
    }

    /**
     * Adds an absent item without putting it in order: call {@link #heapify()} after a batch of these.
     *
     * @param item an absent item
     * @param k    its key
     */
    public void addUnordered(int item, double k) {
        key[item] = k;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, 2 * size);
        }
        heap[size] = item;
        at[item] = size;
        size++;
    }

    /** Puts every item in order (after {@link #addUnordered}), in O(size). */
    public void heapify() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            down(i);
        }
    }

    /**
     * Sets an item's key, adding it when absent, and keeps the order.
     *
     * @param item an item
     * @param k    its key
     */
    public void put(int item, double k) {
        if (at[item] < 0) {
            addUnordered(item, k);
            up(size - 1);
        } else {
            key[item] = k;
            up(at[item]);
            down(at[item]);
        }
    }

    /** @param item an item; nothing happens when it is absent */
    public void remove(int item) {
        int i = at[item];
        if (i < 0) {
            return;
        }
        at[item] = -1;
        size--;
        if (i < size) {
            int moved = heap[size];
            heap[i] = moved;
            at[moved] = i;
            up(i);
            down(at[moved]);
        }
    }

    /** @return the first item in order, removed; the heap must not be empty */
    public int poll() {
        int top = heap[0];
        remove(top);
        return top;
    }

    /** @return whether x comes before y: higher key, or the same key and a lower item */
    private boolean before(int x, int y) {
        int byKey = Double.compare(key[x], key[y]);
        return byKey > 0 || byKey == 0 && x < y;
    }

    private void up(int i) {
        int c = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(c, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            at[heap[i]] = i;
            i = parent;
        }
        heap[i] = c;
        at[c] = i;
    }

    private void down(int i) {
        int c = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], c)) {
                break;
            }
            heap[i] = heap[child];
            at[heap[i]] = i;
            i = child;
        }
        heap[i] = c;
        at[c] = i;
    }
}
