package io.solvent.engine.sim.view;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An append-only log written by one thread (the engine's) and read by others through immutable {@link Window}s: a
 * window holds the log and how many items it had when the window was taken, so a reader that skips views still gets
 * every item since the last one it read ({@link Window#since}) — nothing is lost at any speed, and nothing is copied
 * per view. Items are stored in chunks that are never moved; a slot is written once, before the window that shows it
 * is published (the view's publication through a volatile reference orders the write before the read).
 *
 * <p>A log is never truncated: after a seek back the writer starts a new log ({@link #epoch()} differs), and a
 * reader that sees another epoch starts over from index 0.
 *
 * @param <T> an immutable item type
 */
public final class AppendLog<T> {
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final java.util.concurrent.atomic.AtomicLong EPOCHS = new java.util.concurrent.atomic.AtomicLong();

    private final long epoch;
    private volatile Object[][] chunks = new Object[4][];
    private int size;

    /** A new, empty log with an epoch no other log of this JVM has. */
    public AppendLog() {
        epoch = EPOCHS.incrementAndGet();
    }

    /**
     * Appends an item (the writer thread only).
     *
     * @param item the item, not null
     */
    public void append(T item) {
        Objects.requireNonNull(item, "item");
        int c = size >>> CHUNK_BITS;
        Object[][] cs = chunks;
        if (c == cs.length) {
            Object[][] grown = java.util.Arrays.copyOf(cs, 2 * cs.length);
            chunks = grown;
            cs = grown;
        }
        if (cs[c] == null) {
            cs[c] = new Object[CHUNK];
        }
        cs[c][size & (CHUNK - 1)] = item;
        size++;
    }

    /** @return items appended so far (the writer thread only) */
    public int size() {
        return size;
    }

    /** @return this log's identity: a new log after a seek back has another */
    public long epoch() {
        return epoch;
    }

    /** @return the items appended so far, as a window for readers */
    public Window<T> window() {
        return new Window<>(this, size);
    }

    @SuppressWarnings("unchecked")
    private T get(int i) {
        return (T) chunks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    /**
     * The items a log held when the window was taken.
     *
     * @param log  the log
     * @param size how many items it held
     * @param <T>  the item type
     */
    public record Window<T>(AppendLog<T> log, int size) {
        /** @param <T> the item type @return a window on no items of a log of its own */
        public static <T> Window<T> empty() {
            return new Window<>(new AppendLog<>(), 0);
        }

        /** @return the log's epoch: a reader that has read another epoch starts over */
        public long epoch() {
            return log.epoch();
        }

        /**
         * @param from the index of the first item wanted: the size of the window the reader read last (of the same
         *             epoch), or 0
         * @return the items {@code from .. size-1}, an unmodifiable view that copies nothing
         */
        public List<T> since(int from) {
            if (from < 0 || from > size) {
                throw new IndexOutOfBoundsException("expected 0 <= from <= " + size + ", was " + from);
            }
            return new Slice<>(log, from, size);
        }

        /** @return every item */
        public List<T> all() {
            return since(0);
        }

        /** @param n how many @return the last n items (fewer when the window holds fewer) */
        public List<T> last(int n) {
            return since(Math.max(0, size - n));
        }
    }

    private static final class Slice<T> extends AbstractList<T> implements RandomAccess {
        private final AppendLog<T> log;
        private final int from;
        private final int to;

        Slice(AppendLog<T> log, int from, int to) {
            this.log = log;
            this.from = from;
            this.to = to;
        }

        @Override
        public T get(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException(index);
            }
            return log.get(from + index);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
