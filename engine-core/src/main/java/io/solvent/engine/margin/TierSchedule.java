package io.solvent.engine.margin;

import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.MarginType;

import java.util.List;

/**
 * A market's progressive margin schedule, precomputed for evaluation: like tax brackets, the requirement on a
 * notional {@code N} is {@code R(N) = Σ_i fraction_i × max(0, min(N, upTo_i) − upTo_{i−1})} with
 * {@code upTo_0 = 0}. It is continuous and piecewise linear in {@code N}, and equals Binance's
 * {@code N × mmr − maintenanceAmount}.
 */
public final class TierSchedule {
    private final double[] lower;
    private final double[] upper;
    private final double[] initialFraction;
    private final double[] maintenanceFraction;
    private final double[] initialBelow;
    private final double[] maintenanceBelow;

    private TierSchedule(int n) {
        lower = new double[n];
        upper = new double[n];
        initialFraction = new double[n];
        maintenanceFraction = new double[n];
        initialBelow = new double[n];
        maintenanceBelow = new double[n];
    }

    /**
     * @param tiers validated tiers of a market, ascending, the last unbounded
     * @return the schedule
     */
    public static TierSchedule of(List<MarginTier> tiers) {
        TierSchedule s = new TierSchedule(tiers.size());
        double lo = 0;
        double accInit = 0;
        double accMaint = 0;
        for (int i = 0; i < tiers.size(); i++) {
            MarginTier t = tiers.get(i);
            s.lower[i] = lo;
            s.upper[i] = t.upTo();
            s.initialFraction[i] = t.initialMarginFraction();
            s.maintenanceFraction[i] = t.maintenanceMarginFraction();
            s.initialBelow[i] = accInit;
            s.maintenanceBelow[i] = accMaint;
            if (!t.unbounded()) {
                accInit += t.initialMarginFraction() * (t.upTo() - lo);
                accMaint += t.maintenanceMarginFraction() * (t.upTo() - lo);
                lo = t.upTo();
            }
        }
        return s;
    }

    /** @return the number of brackets */
    public int size() {
        return lower.length;
    }

    /**
     * @param notional USD of notional, {@code >= 0}
     * @return index of the bracket containing it: {@code lower <= notional < upper}; the last bracket for an
     *         infinite notional (an overflowed price times size), never past the end
     */
    public int tierOf(double notional) {
        int i = 0;
        int last = upper.length - 1;
        while (i < last && notional >= upper[i]) {
            i++;
        }
        return i;
    }

    /**
     * @param notional USD of notional, {@code >= 0}
     * @param type     initial or maintenance
     * @return the requirement on that notional, USD
     */
    public double requirement(double notional, MarginType type) {
        int i = tierOf(notional);
        return below(i, type) + fraction(i, type) * (notional - lower[i]);
    }

    /**
     * @param tier bracket index
     * @return its lower bound, USD of notional (0 for the first)
     */
    public double lowerBound(int tier) {
        return lower[tier];
    }

    /**
     * @param tier bracket index
     * @return its upper bound, USD of notional ({@link Double#POSITIVE_INFINITY} for the last)
     */
    public double upperBound(int tier) {
        return upper[tier];
    }

    /**
     * @param tier bracket index
     * @param type initial or maintenance
     * @return the bracket's fraction of notional
     */
    public double fraction(int tier, MarginType type) {
        return type == MarginType.INITIAL ? initialFraction[tier] : maintenanceFraction[tier];
    }

    /**
     * @param tier bracket index
     * @param type initial or maintenance
     * @return the requirement on a notional equal to the bracket's lower bound, USD
     */
    public double below(int tier, MarginType type) {
        return type == MarginType.INITIAL ? initialBelow[tier] : maintenanceBelow[tier];
    }
}
