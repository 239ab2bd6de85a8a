package io.solvent.engine.margin;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginType;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Liquidation prices found exactly on the piecewise-linear maintenance health function (margin-model.md,
 * "Liquidation price and distance").
 *
 * <p>For an asset {@code u}, {@code f(p)} is the sub-account's maintenance health with the price of {@code u}
 * replaced by {@code p} everywhere it appears (balances of {@code u}, every position whose underlying is {@code u}),
 * all other prices held. {@code f} bends only where a position's PnL changes sign (its entry price, when positive
 * PnL is weighted below 1) and where a position's notional crosses a tier boundary ({@code upTo / |size|}). Between
 * two such breakpoints {@code f} is exactly linear, so each segment's root is solved in closed form rather than
 * searched for: no root can be missed, whatever the number of bends.
 *
 * <p>The liquidation price is the root on {@code (0, ∞)} nearest to the current price; when two roots are equally
 * near, the lower one. When {@code f} is zero over a whole segment, the point of that segment nearest to the current
 * price counts.
 */
public final class LiquidationPriceCalculator {
    private final Instruments instruments;

    /** @param instruments the assets and markets the sub-accounts refer to */
    public LiquidationPriceCalculator(Instruments instruments) {
        this.instruments = instruments;
    }

    /**
     * @param sub    the sub-account
     * @param asset  the asset whose price varies
     * @param prices a price for every asset the sub-account holds and every underlying it trades
     * @return the price of {@code asset}, USD per unit, at which maintenance health is zero, nearest to its current
     *         price; empty when health never reaches zero for a positive price
     */
    public OptionalDouble liquidationPrice(SubAccount sub, String asset, Prices prices) {
        return HealthLine.of(instruments, sub, asset, prices).rootNearest(prices.of(asset));
    }

    /**
     * @param sub    the sub-account
     * @param asset  the asset whose price varies
     * @param prices a price for every asset the sub-account holds and every underlying it trades
     * @param price  the price of {@code asset} to evaluate at, USD per unit
     * @return maintenance health, USD, with the price of {@code asset} replaced by {@code price}
     */
    public double healthAt(SubAccount sub, String asset, Prices prices, double price) {
        return HealthLine.of(instruments, sub, asset, prices).valueAt(price);
    }

    /** Maintenance health as a function of one asset's price, decomposed into its linear pieces. */
    private record HealthLine(double constant, double balanceSlope, List<Exposure> exposures, double[] breaks) {

        /** A position on the varying asset: its PnL and tiered requirement depend on the price. */
        private record Exposure(double size, double entry, double pnlWeight, TierSchedule schedule) {
        }

        static HealthLine of(Instruments instruments, SubAccount sub, String u, Prices prices) {
            double constant = 0;
            double balanceSlope = 0;
            for (var e : sub.balances().entrySet()) {
                Asset a = instruments.asset(e.getKey());
                double units = e.getValue();
                double w = SizeAdjustedWeightCalculator.weightFor(a.maintenanceWeight(),
                        a.maintenanceLiabilityWeight(), a.sizeFactor(), units);
                if (a.symbol().equals(u)) {
                    balanceSlope += units * w;
                } else {
                    constant += units * prices.of(a.symbol()) * w;
                }
            }
            List<Exposure> exposures = new ArrayList<>();
            List<Double> breaks = new ArrayList<>();
            for (Position p : sub.positions()) {
                Market m = instruments.market(p.market());
                TierSchedule schedule = instruments.schedule(p.market());
                if (m.underlying().equals(u)) {
                    exposures.add(new Exposure(p.size(), p.entryPrice(), m.positivePnlWeight(), schedule));
                    if (m.positivePnlWeight() != 1) {
                        breaks.add(p.entryPrice());
                    }
                    double units = Math.abs(p.size());
                    if (units > 0) {
                        for (int i = 0; i < schedule.size() - 1; i++) {
                            breaks.add(schedule.upperBound(i) / units);
                        }
                    }
                } else {
                    double price = prices.of(m.underlying());
                    double pnl = p.size() * (price - p.entryPrice());
                    constant += (pnl >= 0 ? pnl * m.positivePnlWeight() : pnl)
                            - schedule.requirement(Math.abs(p.size()) * price, MarginType.MAINTENANCE);
                }
            }
            double[] sorted = breaks.stream().mapToDouble(Double::doubleValue).filter(b -> b > 0 && Double.isFinite(b))
                    .sorted().distinct().toArray();
            return new HealthLine(constant, balanceSlope, exposures, sorted);
        }

        double valueAt(double p) {
            double v = constant + balanceSlope * p;
            for (Exposure x : exposures) {
                double pnl = x.size * (p - x.entry);
                v += (pnl >= 0 ? pnl * x.pnlWeight : pnl)
                        - x.schedule.requirement(Math.abs(x.size) * p, MarginType.MAINTENANCE);
            }
            return v;
        }

        /**
         * @param at a price strictly inside the segment
         * @return {slope, intercept} of f on the segment containing {@code at}
         */
        double[] lineAround(double at) {
            double slope = balanceSlope;
            double intercept = constant;
            for (Exposure x : exposures) {
                double w = x.size * (at - x.entry) >= 0 ? x.pnlWeight : 1;
                slope += w * x.size;
                intercept -= w * x.size * x.entry;
                double units = Math.abs(x.size);
                int tier = x.schedule.tierOf(units * at);
                double frac = x.schedule.fraction(tier, MarginType.MAINTENANCE);
                slope -= frac * units;
                intercept -= x.schedule.below(tier, MarginType.MAINTENANCE)
                        - frac * x.schedule.lowerBound(tier);
            }
            return new double[] {slope, intercept};
        }

        OptionalDouble rootNearest(double current) {
            double best = Double.NaN;
            int n = breaks.length;
            for (int s = 0; s <= n; s++) {
                double lo = s == 0 ? 0 : breaks[s - 1];
                double hi = s == n ? Double.POSITIVE_INFINITY : breaks[s];
                double inside = s == n ? (n == 0 ? current : 2 * lo) : (s == 0 ? hi / 2 : lo + (hi - lo) / 2);
                double[] line = lineAround(inside);
                double candidate = segmentRoot(line[0], line[1], lo, hi, current);
                if (Double.isNaN(candidate)) {
                    continue;
                }
                double d = Math.abs(candidate - current);
                double bestD = Math.abs(best - current);
                if (Double.isNaN(best) || d < bestD || (d == bestD && candidate < best)) {
                    best = candidate;
                }
            }
            return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
        }

        private static double segmentRoot(double slope, double intercept, double lo, double hi, double current) {
            if (slope == 0) {
                if (intercept != 0) {
                    return Double.NaN;
                }
                double c = Math.min(Math.max(current, lo), hi);
                return c > 0 ? c : Double.NaN;
            }
            double root = -intercept / slope;
            if (!(root > 0) || !Double.isFinite(root)) {
                return Double.NaN;
            }
            // A root on a breakpoint is computed from both sides; accept rounding either side of the bound.
            double tolerance = 1e-12 * Math.max(root, Math.max(lo, Double.isFinite(hi) ? hi : 0));
            if (root < lo - tolerance || root > hi + tolerance) {
                return Double.NaN;
            }
            return Math.min(Math.max(root, lo), hi);
        }
    }
}
