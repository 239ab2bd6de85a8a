package io.solvent.engine.insurance;

/**
 * An open position that deleveraging may touch, with what ranking it needs about its sub-account.
 *
 * @param subAccount                dense index of the sub-account holding it
 * @param market                    dense index of its market
 * @param size                      signed size, units of the underlying (+ long, − short)
 * @param entryPrice                average entry price, USD per unit, {@code > 0}
 * @param accountEquityUsd          equity of the sub-account (collateral + unrealized PnL of all its positions), USD;
 *                                  for an isolated position, the position's own margin + PnL
 * @param maintenanceRequirementUsd the sub-account's maintenance requirement, USD, {@code >= 0} (Binance's ranking
 *                                  uses it; the Hyperliquid ranking does not)
 */
public record DeleveragingCandidate(int subAccount, int market, double size, double entryPrice,
                                    double accountEquityUsd, double maintenanceRequirementUsd) {

    public DeleveragingCandidate {
        if (subAccount < 0 || market < 0) {
            throw new IllegalArgumentException("indices must be >= 0, were subAccount " + subAccount + ", market "
                    + market);
        }
        if (!Double.isFinite(size)) {
            throw new IllegalArgumentException("size of sub-account " + subAccount + " must be finite, was " + size);
        }
        if (!(entryPrice > 0) || !Double.isFinite(entryPrice)) {
            throw new IllegalArgumentException("entryPrice of sub-account " + subAccount
                    + " must be finite and > 0, was " + entryPrice);
        }
        if (!Double.isFinite(accountEquityUsd)) {
            throw new IllegalArgumentException("accountEquityUsd of sub-account " + subAccount
                    + " must be finite, was " + accountEquityUsd);
        }
        if (!(maintenanceRequirementUsd >= 0) || !Double.isFinite(maintenanceRequirementUsd)) {
            throw new IllegalArgumentException("maintenanceRequirementUsd of sub-account " + subAccount
                    + " must be finite and >= 0, was " + maintenanceRequirementUsd);
        }
    }

    /** @param markPrice USD per unit @return unrealized PnL at that price, {@code size × (mark − entry)}, USD */
    public double unrealizedPnl(double markPrice) {
        return size * (markPrice - entryPrice);
    }

    /** @param markPrice USD per unit @return notional at that price, {@code |size| × mark}, USD */
    public double notional(double markPrice) {
        return Math.abs(size) * markPrice;
    }
}
