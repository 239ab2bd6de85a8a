package io.solvent.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.Supplier;

/**
 * Measures the heap an object graph retains: used heap after full collections, before and after building it, while
 * the built object is still reachable. Approximate (the collector decides what "after a full collection" holds), but
 * stable to a few percent for graphs of hundreds of megabytes.
 */
public final class RetainedHeap {
    private RetainedHeap() {
    }

    /**
     * What was built, and the heap it retains.
     *
     * @param value the built object
     * @param bytes used heap after minus before, bytes
     * @param <T>   its type
     */
    public record Measured<T>(T value, long bytes) {
    }

    /**
     * @param build builds the graph to measure
     * @param <T>   its type
     * @return the graph and the bytes of heap it retains
     */
    public static <T> Measured<T> of(Supplier<T> build) {
        long before = settledUsed();
        T value = build.get();
        long after = settledUsed();
        return new Measured<>(value, after - before);
    }

    /** @return used heap after a few full collections, bytes */
    public static long settledUsed() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
