package io.solvent.engine.insurance;

import java.util.Arrays;

/**
 * The positions of a sub-account handed over at the mark, for allocating its deficit: per position its market, its
 * signed size, the mark, its weight (its maintenance requirement at the mark, USD) and, once allocated, its share of
 * the deficit and what the insurance fund paid of it. Reused from one hand-over to the next: allocation-free once
 * grown. Owned by the engine thread.
 */
public final class HandedOver {
    private int count;
    private int[] market = new int[4];
    private double[] size = new double[4];
    private double[] mark = new double[4];
    private double[] weight = new double[4];
    private double[] share = new double[4];
    private double[] paid = new double[4];

    /** Forgets every part. */
    public void clear() {
        count = 0;
    }

    /**
     * @param m      dense index of the market
     * @param closed  signed size handed over, units of the underlying
     * @param markUsd the mark at the hand-over (the price accounts see), USD per unit
     * @param w       the position's maintenance requirement at the mark, USD
     */
    public void add(int m, double closed, double markUsd, double w) {
        if (count == market.length) {
            int n = 2 * count;
            market = Arrays.copyOf(market, n);
            size = Arrays.copyOf(size, n);
            mark = Arrays.copyOf(mark, n);
            weight = Arrays.copyOf(weight, n);
            share = Arrays.copyOf(share, n);
            paid = Arrays.copyOf(paid, n);
        }
        market[count] = m;
        size[count] = closed;
        mark[count] = markUsd;
        weight[count] = w;
        share[count] = 0;
        paid[count] = -1;
        count++;
    }

    public int count() {
        return count;
    }

    public int market(int i) {
        return market[i];
    }

    public double closedSize(int i) {
        return size[i];
    }

    public double mark(int i) {
        return mark[i];
    }

    public double weight(int i) {
        return weight[i];
    }

    /** @return the position's notional at its mark, USD */
    public double notional(int i) {
        return Math.abs(size[i]) * mark[i];
    }

    public double totalWeight() {
        double t = 0;
        for (int i = 0; i < count; i++) {
            t += weight[i];
        }
        return t;
    }

    public double totalNotional() {
        double t = 0;
        for (int i = 0; i < count; i++) {
            t += notional(i);
        }
        return t;
    }

    /** @return the part with the largest weight (or notional), ties by the earlier part */
    public int largest(boolean byNotional) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if ((byNotional ? notional(i) > notional(best) : weight[i] > weight[best])) {
                best = i;
            }
        }
        return best;
    }

    public void setShare(int i, double usd) {
        share[i] = usd;
    }

    public double share(int i) {
        return share[i];
    }

    public void setPaid(int i, double usd) {
        paid[i] = usd;
    }

    /** @return what the fund paid of the part's share, USD; −1 before the fund was asked */
    public double paidOf(int i) {
        return paid[i];
    }
}
