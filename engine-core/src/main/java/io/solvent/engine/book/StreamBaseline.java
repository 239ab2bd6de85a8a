package io.solvent.engine.book;

/**
 * A memory-bandwidth baseline for a full revaluation: reads every column a revaluation reads (the row starts,
 * balances with their cached weights, positions, prices) exactly once, in index order, and sums them. No margin
 * arithmetic: what is left of a revaluation's time above this one is the cost of the arithmetic and its writes.
 */
public final class StreamBaseline {
    private StreamBaseline() {
    }

    /**
     * @param book a book
     * @return the sum of every value of its hot-state columns (meaningless; it keeps the reads from being optimized
     *         away)
     */
    public static double sum(MarginBook book) {
        SubAccountTable t = book.subAccounts();
        int n = t.size();
        double acc = 0;
        long ints = 0;
        int[] bs = t.balanceStart;
        int[] ps = t.positionStart;
        for (int s = 0; s <= n; s++) {
            ints += bs[s] + ps[s];
        }
        int[] ba = t.balanceAsset;
        double[] bu = t.balanceUnits;
        double[] wi = t.balanceWeightInitial;
        double[] wm = t.balanceWeightMaintenance;
        for (int b = 0; b < ba.length; b++) {
            ints += ba[b];
            acc += bu[b] + wi[b] + wm[b];
        }
        int[] pm = t.positionMarket;
        double[] sz = t.positionSize;
        double[] en = t.positionEntry;
        for (int p = 0; p < pm.length; p++) {
            ints += pm[p];
            acc += sz[p] + en[p];
        }
        for (int a = 0; a < book.assets().size(); a++) {
            acc += book.assets().price(a);
        }
        return acc + ints;
    }
}
