package io.solvent.engine.book;

/**
 * Memory baselines for a full revaluation, no margin arithmetic in either.
 *
 * <ul>
 *   <li>{@link #sum}: reads every column a revaluation reads (the row starts, balances with their cached weights,
 *       positions, prices) exactly once, each as one flat sequential loop, and sums them — the bandwidth floor of
 *       the reads alone;</li>
 *   <li>{@link #rowWise}: reads the same columns sub-account by sub-account, as a revaluation walks them (a loop of
 *       variable length over each one's balances, then over its positions), and writes one figure per sub-account
 *       to each of the seven result columns a revaluation writes — what touching a revaluation's memory in a
 *       revaluation's order costs before any arithmetic.</li>
 * </ul>
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

    /**
     * Reads every row sub-account by sub-account and writes seven result columns, as a revaluation does, without the
     * arithmetic.
     *
     * @param book    a book
     * @param results seven columns of at least {@code book.subAccounts().size()} each, overwritten
     * @return the last figure written (meaningless; it keeps the work from being optimized away)
     */
    public static double rowWise(MarginBook book, double[][] results) {
        SubAccountTable t = book.subAccounts();
        int[] bs = t.balanceStart;
        int[] ps = t.positionStart;
        int[] ba = t.balanceAsset;
        double[] bu = t.balanceUnits;
        double[] wi = t.balanceWeightInitial;
        double[] wm = t.balanceWeightMaintenance;
        int[] pm = t.positionMarket;
        double[] sz = t.positionSize;
        double[] en = t.positionEntry;
        double[] r0 = results[0];
        double[] r1 = results[1];
        double[] r2 = results[2];
        double[] r3 = results[3];
        double[] r4 = results[4];
        double[] r5 = results[5];
        double[] r6 = results[6];
        double v = 0;
        for (int s = 0, n = t.size(); s < n; s++) {
            double acc = 0;
            long ints = 0;
            for (int b = bs[s], end = bs[s + 1]; b < end; b++) {
                ints += ba[b];
                acc += bu[b] + wi[b] + wm[b];
            }
            for (int p = ps[s], end = ps[s + 1]; p < end; p++) {
                ints += pm[p];
                acc += sz[p] + en[p];
            }
            v = acc + ints;
            r0[s] = v;
            r1[s] = v;
            r2[s] = v;
            r3[s] = v;
            r4[s] = v;
            r5[s] = v;
            r6[s] = v;
        }
        return v;
    }
}
