package io.solvent.engine.insurance;

/**
 * How ranked ADL orders the opposite side: larger key first, equal keys by ascending sub-account index. Each key
 * grows with profit and with leverage ("PnL% × leverage"); the two venues measure each differently. Below,
 * {@code uPnL = size × (mark − entry)} and {@code E} is the sub-account's equity. A key is always finite (a product
 * that overflows counts as 0).
 */
public enum AdlRanking {
    /**
     * Binance USDⓈ-M futures ("LeveragePnL"):
     * {@code key = max(0, uPnL) / max(1, WB) × MM / E} when {@code E > 0}, else 0, where {@code WB = E − uPnL} (the
     * wallet balance behind the position: exact for an isolated or single-position account) and {@code MM} the
     * maintenance requirement ({@code MM / E} is Binance's margin ratio, proportional to leverage). Positions in
     * loss all have key 0.
     */
    BINANCE {
        @Override
        public double key(DeleveragingCandidate c, double markPrice) {
            double e = c.accountEquityUsd();
            if (!(e > 0)) {
                return 0;
            }
            double upnl = c.unrealizedPnl(markPrice);
            double pnlFraction = Math.max(0, upnl) / Math.max(1, e - upnl);
            return finiteOrZero(pnlFraction * (c.maintenanceRequirementUsd() / e));
        }
    },
    /**
     * Hyperliquid: {@code key = (mark / entry) × (notional / E)} when {@code E > 0}, else 0, with
     * {@code notional = |size| × mark}. The published formula is written for a long, where {@code mark / entry} is
     * 1 + the return on entry; for a short Solvent uses the same 1 + return on entry, {@code 2 − mark / entry}.
     */
    HYPERLIQUID {
        @Override
        public double key(DeleveragingCandidate c, double markPrice) {
            double e = c.accountEquityUsd();
            if (!(e > 0)) {
                return 0;
            }
            double ratio = 1 + Math.signum(c.size()) * (markPrice - c.entryPrice()) / c.entryPrice();
            return finiteOrZero(ratio * (c.notional(markPrice) / e));
        }
    };

    /**
     * @param candidate a position on the opposite side of the bankrupt one
     * @param markPrice the market's mark price, USD per unit
     * @return its ranking key, finite; larger is deleveraged first
     */
    public abstract double key(DeleveragingCandidate candidate, double markPrice);

    private static double finiteOrZero(double x) {
        return Double.isFinite(x) ? x : 0;
    }
}
