package io.solvent.engine.book;

import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.MarginType;

/**
 * Every market's tier schedule flattened into primitive arrays, with each market's underlying and positive-PnL
 * weight beside it, so that {@link MarginBook#revalue} finds a position's tier and both requirements in one scan
 * without touching an object per market. The tiers of market {@code m} are {@code start[m] .. start[m+1]}; the last
 * one of each is unbounded ({@code upper = +∞}). Immutable, shared by a book and its copies.
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
    }
}
