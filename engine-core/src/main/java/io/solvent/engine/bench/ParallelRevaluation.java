package io.solvent.engine.bench;

import io.solvent.engine.book.MarginBook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A full revaluation split by index range over a fixed pool of threads. Each sub-account's figures depend only on its
 * own rows and the prices, and every range writes only its own sub-accounts' figures, so the result is bit for bit
 * that of {@link MarginBook#revalueAll()} whatever the thread count. The caller must not change the book (prices
 * included) while {@link #revalueAll(MarginBook)} runs; it returns once every range is done.
 */
public final class ParallelRevaluation implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /** @param threads how many threads share a revaluation, {@code >= 1} (the calling thread is one of them) */
    public ParallelRevaluation(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("expected at least one thread, was " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "solvent-revaluation");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the number of threads a revaluation is split over */
    public int threads() {
        return threads;
    }

    /**
     * Re-evaluates every sub-account: {@code threads} contiguous ranges of (nearly) equal size, all but the last on
     * the pool, the last on the calling thread.
     *
     * @param book the book, not changed by anyone else meanwhile
     */
    public void revalueAll(MarginBook book) {
        int n = book.subAccounts().size();
        if (pool == null || n < threads) {
            book.revalueAll();
            return;
        }
        List<Future<?>> running = new ArrayList<>(threads - 1);
        for (int i = 0; i < threads - 1; i++) {
            int from = bound(n, i);
            int to = bound(n, i + 1);
            running.add(pool.submit(() -> book.revalueRange(from, to)));
        }
        book.revalueRange(bound(n, threads - 1), n);
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a parallel revaluation", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a revaluation range failed", e.getCause());
            }
        }
    }

    private int bound(int n, int i) {
        return (int) ((long) n * i / threads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
