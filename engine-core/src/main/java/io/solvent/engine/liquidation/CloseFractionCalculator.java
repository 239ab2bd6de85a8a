package io.solvent.engine.liquidation;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.liquidity.TradeSide;

/**
 * How much of one position a liquidation step closes (margin-model.md rule 3): the smallest fraction that restores
 * {@code healthFactor_m >= 1 + buffer} after the close is filled against the market's liquidity and the fee is paid,
 * capped at {@code maxFraction}; the whole position when what would remain is below the dust notional.
 *
 * <p>Found by bisection (60 halvings) on trial evaluations of the sub-account, each undone exactly, because the
 * fill's slippage makes health after the close non-linear in the closed size. When even the cap does not restore
 * the target, the cap is closed.
 */
public final class CloseFractionCalculator {
    private static final int HALVINGS = 60;

    private CloseFractionCalculator() {
    }

    /**
     * @param book      the hot state (left as it was found)
     * @param sub       the sub-account
     * @param position  the position index
     * @param reference the oracle price of the position's underlying, USD per unit (the close is valued at the price
     *                  the market's liquidity shows the accounts, {@link MarketLiquidity#price})
     * @param liquidity the market's liquidity
     * @param feeRate   the market's liquidation fee, fraction of closed notional
     * @param p         the liquidation parameters
     * @param nowMs     simulated time, ms
     * @return the fraction of the position to close, in {@code (0, 1]}
     */
    public static double fraction(MarginBook book, int sub, int position, double reference, MarketLiquidity liquidity,
                                  double feeRate, LiquidationParameters p, long nowMs) {
        double size = book.subAccounts().positionSize(position);
        double target = 1 + p.buffer();
        double cap = p.maxFraction();
        double x;
        if (healthFactorAfter(book, sub, position, size, reference, liquidity, feeRate, cap, nowMs) < target) {
            x = cap;
        } else {
            double lo = 0;
            double hi = cap;
            for (int i = 0; i < HALVINGS; i++) {
                double mid = lo + (hi - lo) / 2;
                if (healthFactorAfter(book, sub, position, size, reference, liquidity, feeRate, mid, nowMs) >= target) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            x = hi;
        }
        double remaining = (1 - x) * Math.abs(size) * liquidity.price(reference, nowMs);
        return remaining < p.dustNotionalUsd() ? 1.0 : x;
    }

    private static double healthFactorAfter(MarginBook book, int sub, int position, double size, double reference,
                                            MarketLiquidity liquidity, double feeRate, double x, long nowMs) {
        double settlement = book.settlementUnits(sub);
        double closed = x * size;
        double notional = Math.abs(closed) * liquidity.price(reference, nowMs);
        double fill = liquidity.fillPrice(TradeSide.closing(size), notional, reference, nowMs);
        double entry = book.subAccounts().positionEntry(position);
        book.setPositionSize(position, size - closed);
        book.settle(sub, closed * (fill - entry) - feeRate * notional);
        book.revalue(sub);
        double l = book.maintenanceWeightedLiabilities(sub);
        double hf = l == 0 ? Double.POSITIVE_INFINITY : book.maintenanceWeightedAssets(sub) / l;
        book.setPositionSize(position, size);
        book.setSettlementUnits(sub, settlement);
        book.revalue(sub);
        return hf;
    }
}
