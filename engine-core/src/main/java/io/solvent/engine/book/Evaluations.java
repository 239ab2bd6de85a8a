package io.solvent.engine.book;

/**
 * Exact figures of a block of consecutive sub-accounts, computed by {@link MarginBook#evaluate} without touching what
 * the book stores: a reader's scratch (a view, a distribution, a liquidation price), reused block after block. Holds
 * sub-accounts {@code base() .. base() + size() - 1}; the same arithmetic, and so the same figures bit for bit, as
 * the book's own accessors after a {@link MarginBook#revalue}. Single-threaded.
 */
public final class Evaluations {
    final double[] assetsInitial;
    final double[] liabilitiesInitial;
    final double[] assetsMaintenance;
    final double[] liabilitiesMaintenance;
    final double[] requirement;
    final double[] equity;
    final double[] notional;
    private int base;
    private int size;

    /** @param capacity the most sub-accounts one evaluation holds, {@code >= 1} */
    public Evaluations(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("expected a capacity >= 1, was " + capacity);
        }
        assetsInitial = new double[capacity];
        liabilitiesInitial = new double[capacity];
        assetsMaintenance = new double[capacity];
        liabilitiesMaintenance = new double[capacity];
        requirement = new double[capacity];
        equity = new double[capacity];
        notional = new double[capacity];
    }

    void rebase(int first, int count) {
        if (count > assetsInitial.length) {
            throw new IllegalArgumentException("expected at most " + assetsInitial.length + " sub-accounts, was "
                    + count);
        }
        base = first;
        size = count;
    }

    /** @return the most sub-accounts one evaluation holds */
    public int capacity() {
        return assetsInitial.length;
    }

    /** @return dense index of the first sub-account held */
    public int base() {
        return base;
    }

    /** @return how many sub-accounts are held */
    public int size() {
        return size;
    }

    private int slot(int sub) {
        int i = sub - base;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sub-account " + sub + " is not in " + base + ".." + (base + size - 1));
        }
        return i;
    }

    /** @param sub dense index @return maintenance health, USD: weighted assets − weighted liabilities − requirement */
    public double maintenanceHealth(int sub) {
        int i = slot(sub);
        return assetsMaintenance[i] - liabilitiesMaintenance[i];
    }

    /** @param sub dense index @return initial health, USD (free collateral) */
    public double initialHealth(int sub) {
        int i = slot(sub);
        return assetsInitial[i] - liabilitiesInitial[i];
    }

    /**
     * @param sub dense index
     * @return maintenance health factor, weighted assets / (weighted liabilities + requirement); NaN without
     *         liabilities (nothing to be liquidated for)
     */
    public double healthFactor(int sub) {
        int i = slot(sub);
        double l = liabilitiesMaintenance[i];
        return l == 0 ? Double.NaN : assetsMaintenance[i] / l;
    }

    /** @param sub dense index @return maintenance requirement of its positions, USD */
    public double requirement(int sub) {
        return requirement[slot(sub)];
    }

    /** @param sub dense index @return equity, USD: balances at their prices plus unrealized PnL */
    public double equity(int sub) {
        return equity[slot(sub)];
    }

    /** @param sub dense index @return Σ notional of its positions, USD */
    public double notional(int sub) {
        return notional[slot(sub)];
    }

    /** @param sub dense index @return whether it is liquidatable: liabilities and maintenance health below zero */
    public boolean liquidatable(int sub) {
        int i = slot(sub);
        return liabilitiesMaintenance[i] > 0 && assetsMaintenance[i] - liabilitiesMaintenance[i] < 0;
    }
}
