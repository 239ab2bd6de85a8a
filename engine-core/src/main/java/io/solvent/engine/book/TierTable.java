package io.solvent.engine.book;

import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.MarginType;

import java.util.Arrays;

/**
 * Every market's tier schedule flattened into primitive arrays, with each market's underlying and positive-PnL
 * weight beside it, so that {@link MarginBook#revalue} finds a position's tier and both requirements in one scan
 * without touching an object per market. The tiers of market {@code m} are {@code start[m] .. start[m+1]}; the last
 * one of each is unbounded ({@code upper = +∞}). Immutable, shared by a book and its copies.
 *
 * <p>{@link #tierOf} finds a position's tier without a data-dependent branch: it compares the notional with a fixed
 * number of upper bounds per market (the most tiers any market has, less one; padded with +∞) and counts the bounds
 * reached. A scan that stops at the first bound above the notional mispredicts whenever neighbouring positions fall
 * in different tiers, which cost a full revaluation about a third of its time (50 → 33 ns per sub-account at a
 * million, 2-tier schedules).
 */
final class TierTable {
    final int[] start;
    final double[] lower;
    final double[] upper;
    final double[] initialFraction;
    final double[] maintenanceFraction;
    final double[] initialBelow;
    final double[] maintenanceBelow;
    final int[] underlying;
    final double[] positivePnlWeight;
    /** upper bounds compared per market: the most tiers of any market, less one */
    private final int probes;
    /** market {@code m}'s bounded upper bounds at {@code m·probes ..}, padded with +∞ */
    private final double[] probeUpper;

    TierTable(MarketTable markets) {
        int n = markets.size();
        start = new int[n + 1];
        underlying = new int[n];
        positivePnlWeight = new double[n];
        for (int m = 0; m < n; m++) {
            start[m + 1] = start[m] + markets.schedule(m).size();
            underlying[m] = markets.underlying(m);
            positivePnlWeight[m] = markets.positivePnlWeight(m);
        }
        int tiers = start[n];
        lower = new double[tiers];
        upper = new double[tiers];
        initialFraction = new double[tiers];
        maintenanceFraction = new double[tiers];
        initialBelow = new double[tiers];
        maintenanceBelow = new double[tiers];
        for (int m = 0; m < n; m++) {
            TierSchedule s = markets.schedule(m);
            for (int i = 0; i < s.size(); i++) {
                int t = start[m] + i;
                lower[t] = s.lowerBound(i);
                upper[t] = i == s.size() - 1 ? Double.POSITIVE_INFINITY : s.upperBound(i);
                initialFraction[t] = s.fraction(i, MarginType.INITIAL);
                maintenanceFraction[t] = s.fraction(i, MarginType.MAINTENANCE);
                initialBelow[t] = s.below(i, MarginType.INITIAL);
                maintenanceBelow[t] = s.below(i, MarginType.MAINTENANCE);
            }
        }
        int most = 1;
        for (int m = 0; m < n; m++) {
            most = Math.max(most, start[m + 1] - start[m]);
        }
        probes = most - 1;
        probeUpper = new double[n * probes];
        Arrays.fill(probeUpper, Double.POSITIVE_INFINITY);
        for (int m = 0; m < n; m++) {
            System.arraycopy(upper, start[m], probeUpper, m * probes, start[m + 1] - start[m] - 1);
        }
    }

    /**
     * The tier a position's notional falls in: the first of its market's tiers whose upper bound is above it (the
     * bounds ascend). Branch-free: for finite {@code a ≥ 0} and {@code u}, {@code a − u} is +0 or positive exactly
     * when {@code a ≥ u}, so each bound reached adds one through the sign bit of the difference.
     *
     * @param market   dense market index
     * @param notional |size| × price, USD, finite and ≥ 0
     * @return the tier's index into the flattened columns
     */
    int tierOf(int market, double notional) {
        int tier = start[market];
        for (int i = market * probes, end = i + probes; i < end; i++) {
            tier += 1 - (int) (Double.doubleToRawLongBits(notional - probeUpper[i]) >>> 63);
        }
        return tier;
    }
}
