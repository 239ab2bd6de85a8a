package io.solvent.engine.book;

import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.MarginType;

import java.util.Arrays;

/**
 * Which sub-accounts a price move may push across a health threshold, found without evaluating the others: the
 * per-asset trigger-price index that lets a quiet tick cost O(1) and a tick that makes k sub-accounts cross cost
 * O(log n + k) heap operations.
 *
 * <p>The function watched is {@code G = A_m − θ·L_m} (maintenance weighted assets minus θ times weighted liabilities,
 * requirement included): θ = 1 is maintenance health, whose sign says liquidatable; θ = 1.1 says "health factor below
 * 1.1", at risk. {@code G} is a sum of one term per asset — a balance's value depends on its own asset's price, a
 * position's PnL and requirement on its underlying's — and each term is Lipschitz in its price with a constant
 * {@code S_a} read off the sub-account: {@code |units|·w} per balance (θ·w for a borrow), and per position
 * {@code |size|·(max(w+, θ) + θ·k·f_max)} with {@code w+} the positive-PnL weight, {@code k} the dynamic margin
 * multiplier and {@code f_max} the market's largest maintenance fraction (the tiered requirement is piecewise linear
 * with marginal fractions up to {@code f_max}).
 *
 * <p>So at an evaluation giving {@code G0}, with {@code n} assets of non-zero {@code S_a}, no term can move by more
 * than {@code |G0|/n} — and so {@code G} cannot change sign — while every such price stays within its <em>box</em>
 * {@code P0_a ± (|G0| − ε)/(n·S_a)}, where ε = 1e-10 of the terms' magnitude covers rounding. Each (sub-account,
 * asset) pair keeps its box's bounds in two heaps per asset (the highest lower bound, the lowest upper bound on top);
 * a price outside the top bound {@linkplain #collect triggers} the pair, and the caller re-evaluates and
 * {@linkplain #refresh re-boxes} its sub-account. Nothing is missed: a sub-account whose sign changed had some price
 * leave its box. A sub-account that is merely near the threshold is triggered early and re-boxed with what is left of
 * its margin; one exactly at it triggers on any move.
 *
 * <p>The caller must refresh a sub-account after anything but a price changes its figures (a transfer, a closed
 * position, a margin multiplier). Allocation-free after construction; single-threaded.
 */
public final class HealthTriggerIndex {
    private static final double ROUNDING = 1e-10;

    private final MarginBook book;
    private final SubAccountTable subs;
    private final MarketTable markets;
    private final double theta;
    private final ExposureIndex byAsset;
    private final int[] pairAsset;
    private final int[] subPairStart;
    private final int[] subPairs;
    private final double[] maxMaintenanceFraction;

    private final double[] slope;
    private final double[] moveWeight;
    private final PairHeap lower;
    private final PairHeap upper;
    private final boolean[] negative;
    private int negativeCount;
    private int[] triggered = new int[64];
    private int triggeredCount;

    /**
     * Builds the index over every sub-account's last evaluation.
     *
     * @param book  the hot state, evaluated
     * @param theta the threshold's weight on liabilities: 1 for liquidatable, 1.1 for a health factor below 1.1
     */
    public HealthTriggerIndex(MarginBook book, double theta) {
        this(book, theta, null);
    }

    /**
     * Builds the index over every sub-account's last evaluation, splitting margin budgets by move weights.
     *
     * @param book        the hot state, evaluated
     * @param theta       the threshold's weight on liabilities: 1 for liquidatable, 1.1 for a health factor below 1.1
     * @param moveWeights each asset's move weight ({@link #setMoveWeight}), by asset index; null for all 1
     */
    public HealthTriggerIndex(MarginBook book, double theta, double[] moveWeights) {
        if (!(theta >= 1) || !Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta must be finite and >= 1, was " + theta);
        }
        this.book = book;
        this.subs = book.subAccounts();
        this.markets = book.markets();
        this.theta = theta;
        this.byAsset = book.exposureByAsset();
        int pairs = byAsset.pairs();
        this.pairAsset = new int[pairs];
        int[] perSub = new int[subs.size() + 1];
        for (int a = 0; a < byAsset.keys(); a++) {
            for (int j = byAsset.start(a); j < byAsset.start(a + 1); j++) {
                pairAsset[j] = a;
                perSub[byAsset.memberAt(j) + 1]++;
            }
        }
        for (int s = 0; s < subs.size(); s++) {
            perSub[s + 1] += perSub[s];
        }
        this.subPairStart = perSub;
        this.subPairs = new int[pairs];
        int[] fill = Arrays.copyOf(perSub, subs.size());
        for (int j = 0; j < pairs; j++) { // ascending pair ids: each sub-account's pairs in ascending asset order
            subPairs[fill[byAsset.memberAt(j)]++] = j;
        }
        this.maxMaintenanceFraction = new double[markets.size()];
        for (int m = 0; m < markets.size(); m++) {
            TierSchedule t = markets.schedule(m);
            for (int i = 0; i < t.size(); i++) {
                maxMaintenanceFraction[m] = Math.max(maxMaintenanceFraction[m], t.fraction(i, MarginType.MAINTENANCE));
            }
        }
        this.slope = new double[pairs];
        this.moveWeight = new double[book.assets().size()];
        Arrays.fill(moveWeight, 1.0);
        if (moveWeights != null) {
            for (int a = 0; a < moveWeight.length; a++) {
                setMoveWeight(a, moveWeights[a]);
            }
        }
        this.lower = new PairHeap(byAsset, pairAsset);
        this.upper = new PairHeap(byAsset, pairAsset);
        this.negative = new boolean[subs.size()];
        rebuild();
    }

    private HealthTriggerIndex(HealthTriggerIndex o, MarginBook book) {
        this.book = book;
        this.subs = book.subAccounts();
        this.markets = o.markets;
        this.theta = o.theta;
        this.byAsset = o.byAsset;
        this.pairAsset = o.pairAsset;
        this.subPairStart = o.subPairStart;
        this.subPairs = o.subPairs;
        this.maxMaintenanceFraction = o.maxMaintenanceFraction;
        this.slope = new double[o.slope.length];
        this.moveWeight = o.moveWeight.clone();
        this.lower = o.lower.copy();
        this.upper = o.upper.copy();
        this.negative = o.negative.clone();
        this.negativeCount = o.negativeCount;
    }

    /**
     * @param book the copy of this index's book that the copy will follow ({@link MarginBook#copy()})
     * @return an independent copy of this index over that book
     */
    public HealthTriggerIndex copy(MarginBook book) {
        return new HealthTriggerIndex(this, book);
    }

    /** Re-boxes every sub-account from its last evaluation (after a sweep or a change to every requirement). */
    public void rebuild() {
        negativeCount = 0;
        for (int s = 0; s < subs.size(); s++) {
            negative[s] = false;
            box(s);
        }
        lower.heapifyAll();
        upper.heapifyAll();
    }

    /**
     * Re-boxes one sub-account from its last evaluation, which must be current ({@link MarginBook#revalue}).
     *
     * @param sub dense index
     */
    public void refresh(int sub) {
        box(sub);
        for (int i = subPairStart[sub]; i < subPairStart[sub + 1]; i++) {
            int pair = subPairs[i];
            lower.fix(pair);
            upper.fix(pair);
        }
    }

    /** Computes the boxes of a sub-account's pairs into the heaps' keys, without restoring heap order. */
    private void box(int sub) {
        double a = book.maintenanceWeightedAssets(sub);
        double l = book.maintenanceWeightedLiabilities(sub);
        double g = a - theta * l;
        boolean neg = g < 0;
        if (neg != negative[sub]) {
            negative[sub] = neg;
            negativeCount += neg ? 1 : -1;
        }
        int first = subPairStart[sub];
        int end = subPairStart[sub + 1];
        for (int i = first; i < end; i++) {
            slope[subPairs[i]] = 0;
        }
        for (int b = subs.balanceStart[sub]; b < subs.balanceStart[sub + 1]; b++) {
            double units = subs.balanceUnits[b];
            if (units != 0) {
                double w = book.maintenanceWeightInForce(b, units > 0);
                slope[pairOf(sub, subs.balanceAsset[b])] += Math.abs(units) * w * (units > 0 ? 1 : theta);
            }
        }
        for (int p = subs.positionStart[sub]; p < subs.positionStart[sub + 1]; p++) {
            double size = subs.positionSize[p];
            if (size != 0) {
                int m = subs.positionMarket[p];
                double perUnit = Math.max(markets.positivePnlWeight(m), theta)
                        + theta * book.requirementMultiplier(m) * maxMaintenanceFraction[m];
                slope[pairOf(sub, markets.underlying(m))] += Math.abs(size) * perUnit;
            }
        }
        double sensitivity = 0; // Σ S_a·P_a·v_a: the USD G could move by if every price moved by its weight
        for (int i = first; i < end; i++) {
            int pair = subPairs[i];
            int asset = pairAsset[pair];
            sensitivity += slope[pair] * book.assets().price(asset) * moveWeight[asset];
        }
        double budget = Math.max(0, Math.abs(g) - ROUNDING * (a + theta * l));
        for (int i = first; i < end; i++) {
            int pair = subPairs[i];
            if (slope[pair] == 0) {
                lower.key[pair] = Double.POSITIVE_INFINITY; // −(−∞): this price cannot move G
                upper.key[pair] = Double.POSITIVE_INFINITY;
                continue;
            }
            double price = book.assets().price(pairAsset[pair]);
            // this asset's share of the budget is S_a·P_a·v_a / sensitivity, so S_a·half_a sums to the budget
            double half = budget * price * moveWeight[pairAsset[pair]] / sensitivity;
            lower.key[pair] = -(price - half);
            upper.key[pair] = price + half;
        }
    }

    private int pairOf(int sub, int asset) {
        for (int i = subPairStart[sub]; i < subPairStart[sub + 1]; i++) {
            if (pairAsset[subPairs[i]] == asset) {
                return subPairs[i];
            }
        }
        throw new IllegalStateException("sub-account " + sub + " is not indexed under asset " + asset);
    }

    /**
     * Sets how the margin budget is split between the assets of a sub-account: in proportion to each asset's USD
     * sensitivity ({@code S_a·P_a}) times its weight, so that each asset's box is {@code v_a} times as wide, relative
     * to its price, as any other's. Any weights keep the index exact; they only decide how often a sub-account is
     * looked at: a stablecoin that rarely moves should have a small weight (so its box is narrow and the volatile
     * assets' boxes are wide). Takes effect as sub-accounts are boxed.
     *
     * @param asset  dense index
     * @param weight the asset's typical relative move against the others', {@code > 0}
     */
    public void setMoveWeight(int asset, double weight) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("a move weight must be finite and > 0, was " + weight);
        }
        moveWeight[asset] = weight;
    }

    /**
     * Finds the sub-accounts with a pair of this asset whose box the price has left, and disarms those pairs until
     * their sub-accounts are refreshed. Read them with {@link #triggeredCount()} and {@link #triggered(int)}.
     *
     * @param asset dense index of the asset whose price moved
     * @param price its new price, USD per unit
     * @return how many were triggered
     */
    public int collect(int asset, double price) {
        triggeredCount = 0;
        while (lower.topKey(asset) < -price) { // a lower bound above the price
            take(lower.top(asset));
        }
        while (upper.topKey(asset) < price) { // an upper bound below the price
            take(upper.top(asset));
        }
        return triggeredCount;
    }

    private void take(int pair) {
        lower.key[pair] = Double.POSITIVE_INFINITY;
        upper.key[pair] = Double.POSITIVE_INFINITY;
        lower.fix(pair);
        upper.fix(pair);
        if (triggeredCount == triggered.length) {
            triggered = Arrays.copyOf(triggered, 2 * triggeredCount);
        }
        triggered[triggeredCount++] = byAsset.memberAt(pair);
    }

    /** @return how many sub-accounts the last {@link #collect} triggered */
    public int triggeredCount() {
        return triggeredCount;
    }

    /**
     * @param i 0 .. {@link #triggeredCount()} − 1
     * @return a triggered sub-account (dense index)
     */
    public int triggered(int i) {
        return triggered[i];
    }

    /**
     * @param sub dense index
     * @return whether {@code G} was negative at its last refresh (liquidatable for θ = 1, at risk for θ = 1.1)
     */
    public boolean negative(int sub) {
        return negative[sub];
    }

    /** @return how many sub-accounts had a negative {@code G} at their last refresh */
    public int negativeCount() {
        return negativeCount;
    }

    /**
     * @param sub   dense index
     * @param asset dense index
     * @return whether the sub-account holds or trades the asset
     */
    public boolean exposed(int sub, int asset) {
        for (int i = subPairStart[sub]; i < subPairStart[sub + 1]; i++) {
            if (pairAsset[subPairs[i]] == asset) {
                return true;
            }
        }
        return false;
    }

    /**
     * Indexed binary min-heaps, one per asset, laid out in one array by the exposure index's rows: the heap of asset
     * {@code a} occupies {@code heap[start(a) .. start(a+1))} and always holds all of its pairs (disarmed pairs carry
     * an infinite key).
     */
    private static final class PairHeap {
        final double[] key;
        private final int[] heap;
        private final int[] at;
        private final ExposureIndex rows;
        private final int[] pairAsset;

        PairHeap(ExposureIndex rows, int[] pairAsset) {
            this.rows = rows;
            this.pairAsset = pairAsset;
            int n = rows.pairs();
            key = new double[n];
            heap = new int[n];
            at = new int[n];
            for (int j = 0; j < n; j++) {
                heap[j] = j;
                at[j] = j;
            }
        }

        private PairHeap(PairHeap o) {
            this.rows = o.rows;
            this.pairAsset = o.pairAsset;
            this.key = o.key.clone();
            this.heap = o.heap.clone();
            this.at = o.at.clone();
        }

        PairHeap copy() {
            return new PairHeap(this);
        }

        double topKey(int asset) {
            int base = rows.start(asset);
            return base == rows.start(asset + 1) ? Double.POSITIVE_INFINITY : key[heap[base]];
        }

        int top(int asset) {
            return heap[rows.start(asset)];
        }

        void heapifyAll() {
            for (int a = 0; a < rows.keys(); a++) {
                int base = rows.start(a);
                int n = rows.start(a + 1) - base;
                for (int i = n / 2 - 1; i >= 0; i--) {
                    down(base, n, i);
                }
            }
        }

        /** Restores heap order around a pair whose key changed. */
        void fix(int pair) {
            int asset = pairAsset[pair];
            int base = rows.start(asset);
            int n = rows.start(asset + 1) - base;
            int i = at[pair] - base;
            if (!up(base, i)) {
                down(base, n, i);
            }
        }

        private boolean up(int base, int i) {
            int pair = heap[base + i];
            double k = key[pair];
            boolean moved = false;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                int pp = heap[base + parent];
                if (!(key[pp] > k)) {
                    break;
                }
                heap[base + i] = pp;
                at[pp] = base + i;
                i = parent;
                moved = true;
            }
            heap[base + i] = pair;
            at[pair] = base + i;
            return moved;
        }

        private void down(int base, int n, int i) {
            int pair = heap[base + i];
            double k = key[pair];
            while (true) {
                int c = 2 * i + 1;
                if (c >= n) {
                    break;
                }
                if (c + 1 < n && key[heap[base + c + 1]] < key[heap[base + c]]) {
                    c++;
                }
                int cp = heap[base + c];
                if (!(key[cp] < k)) {
                    break;
                }
                heap[base + i] = cp;
                at[cp] = base + i;
                i = c;
            }
            heap[base + i] = pair;
            at[pair] = base + i;
        }
    }
}
