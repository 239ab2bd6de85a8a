package io.solvent.engine.sim.view;

/**
 * One sub-account's figures, exact at the pass that made the row.
 *
 * @param sub                   dense index (stable for the run: what a detail request names)
 * @param account               the account's id
 * @param subAccount            the sub-account's id within it
 * @param equityUsd             equity: balances at their prices plus unrealized PnL, USD
 * @param maintenanceHealthUsd  weighted assets − weighted liabilities − requirement, USD (below 0: liquidatable)
 * @param healthFactor          weighted assets / (weighted liabilities + requirement); NaN without liabilities
 * @param notionalUsd           Σ notional of its positions, USD
 * @param leverage              notional / equity; NaN when equity is not positive
 * @param marginRatio           maintenance requirement / equity (Binance's margin ratio: 1 is liquidation for a
 *                              perpetual-only account); NaN when equity is not positive
 * @param distanceToLiquidation the smallest relative move of one asset's price that makes it liquidatable (0 when it
 *                              is already; +∞ when no single price can)
 * @param distanceAsset         the symbol of that asset, or empty
 * @param liquidatable          whether it is liquidatable now
 */
public record AccountRow(int sub, String account, String subAccount, double equityUsd, double maintenanceHealthUsd,
                         double healthFactor, double notionalUsd, double leverage, double marginRatio,
                         double distanceToLiquidation, String distanceAsset, boolean liquidatable) {
}
