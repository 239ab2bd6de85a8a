package io.solvent.engine.insurance;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;

import java.util.Arrays;

/**
 * The ranked-ADL queues of the markets, kept between the bankruptcies of one round of a step, so that a cascade of
 * bankruptcies at the same prices ranks each side of a market once rather than once per bankruptcy.
 *
 * <p>A queue (one per market and side) is an indexed binary heap of the side's sub-accounts by descending
 * {@link AdlRanking} key, ties by ascending index: exactly the order a full ranking gives. Keys depend on prices and
 * on the sub-account's own state, so every price change ({@link #pricesChanged()}) makes every queue stale (rebuilt
 * in O(holders) when next used), and every sub-account the engine changes is logged ({@link #modified}) and re-keyed
 * — re-evaluated, inserted, moved or removed — in each queue before that queue is next used. A bankruptcy pops the
 * queue's top positions in order; they are put back afterwards (their fills log them, so they are re-keyed).
 * Single-threaded, owned by the engine.
 */
public final class AdlQueues {
    private final MarginBook book;
    private final SubAccountTable subs;
    private final AdlRanking ranking;
    private final Queue[] queues;
    private long epoch;
    private int[] log = new int[256];
    private int logSize;

    public AdlQueues(MarginBook book, AdlRanking ranking) {
        this.book = book;
        this.subs = book.subAccounts();
        this.ranking = ranking;
        this.queues = new Queue[2 * book.markets().size()];
    }

    /** Every queue is stale: a price, a requirement or everything changed. */
    public void pricesChanged() {
        epoch++;
        logSize = 0;
    }

    /** A sub-account's positions, balances or figures changed. */
    public void modified(int sub) {
        if (logSize == log.length) {
            if (logSize >= 4 * Math.max(1024, subs.size())) {
                pricesChanged(); // cheaper to rebuild than to replay a log this long
                return;
            }
            log = Arrays.copyOf(log, 2 * logSize);
        }
        log[logSize++] = sub;
    }

    /**
     * @param market   dense index of the bankrupt position's market
     * @param side     the sign of the positions to rank (opposite to the bankrupt one's), ±1
     * @param mark     the market's mark price, USD per unit
     * @param bankrupt the bankrupt sub-account (never among the candidates)
     * @return the queue, in order; call {@link #putBack()} once the bankruptcy is settled
     */
    public RankedCandidates queue(int market, double side, double mark, int bankrupt) {
        int slot = 2 * market + (side > 0 ? 1 : 0);
        Queue q = queues[slot];
        if (q == null) {
            q = new Queue(market, side);
            queues[slot] = q;
        }
        q.bring(mark);
        q.skip = bankrupt;
        current = q;
        return q;
    }

    private Queue current;

    /** Puts back what the last bankruptcy popped. */
    public void putBack() {
        if (current != null) {
            current.restore();
            current = null;
        }
    }

    private final class Queue implements RankedCandidates {
        private final int market;
        private final double side;
        private long builtEpoch = -1;
        private int synced;
        private double mark;
        private RankedHeap heap;
        private int[] position;
        private int[] popped = new int[16];
        private int poppedCount;
        int skip = -1;

        Queue(int market, double side) {
            this.market = market;
            this.side = side;
        }

        /** Brings the queue up to date: rebuilt after a price change, else re-keyed from the log. */
        void bring(double markPrice) {
            if (builtEpoch != epoch || markPrice != mark) {
                build(markPrice);
                return;
            }
            for (int i = synced; i < logSize; i++) {
                rekey(log[i]);
            }
            synced = logSize;
        }

        private void build(double markPrice) {
            mark = markPrice;
            if (heap == null) {
                heap = new RankedHeap(subs.size());
                position = new int[subs.size()];
            }
            heap.clear();
            var holders = book.exposureByMarket();
            for (int i = 0; i < holders.count(market); i++) {
                int c = holders.member(market, i);
                int p = candidatePosition(c);
                if (p >= 0) {
                    book.revalue(c);
                    position[c] = p;
                    heap.addUnordered(c, keyOf(c, p));
                }
            }
            heap.heapify();
            builtEpoch = epoch;
            synced = logSize;
        }

        /** @return the sub-account's first open position in the market if on this side, else −1 */
        private int candidatePosition(int c) {
            for (int p = subs.positionStart(c); p < subs.positionStart(c + 1); p++) {
                double s = subs.positionSize(p);
                if (subs.positionMarket(p) == market && s != 0) {
                    return Math.signum(s) == side ? p : -1;
                }
            }
            return -1;
        }

        private double keyOf(int c, int p) {
            return ranking.key(candidate(c, p), mark);
        }

        private DeleveragingCandidate candidate(int c, int p) {
            return new DeleveragingCandidate(c, market, subs.positionSize(p), subs.positionEntry(p), book.equity(c),
                    book.maintenanceRequirement(c));
        }

        private void rekey(int c) {
            int p = candidatePosition(c);
            if (p < 0) {
                heap.remove(c);
                return;
            }
            book.revalue(c);
            position[c] = p;
            heap.put(c, keyOf(c, p));
        }

        private void dropSkipped() {
            while (heap.size() > 0 && heap.peek() == skip) {
                popTop();
            }
        }

        private int popTop() {
            int c = heap.poll();
            if (poppedCount == popped.length) {
                popped = Arrays.copyOf(popped, 2 * poppedCount);
            }
            popped[poppedCount++] = c;
            return c;
        }

        @Override
        public boolean hasNext() {
            dropSkipped();
            return heap.size() > 0;
        }

        @Override
        public double nextKey() {
            dropSkipped();
            return heap.key(heap.peek());
        }

        @Override
        public DeleveragingCandidate next() {
            dropSkipped();
            int c = popTop();
            return candidate(c, position[c]);
        }

        void restore() {
            for (int i = 0; i < poppedCount; i++) {
                int c = popped[i];
                if (!heap.contains(c)) {
                    heap.put(c, heap.key(c));
                }
            }
            poppedCount = 0;
            skip = -1;
        }
    }
}
