package io.solvent.engine.sim;

/**
 * A run's figures, for summary.json.
 *
 * @param steps                  price steps processed
 * @param liquidations           liquidation fills
 * @param liquidatedNotionalUsd  notional closed by liquidation, USD
 * @param bankruptcies           sub-accounts that ended with negative equity
 * @param badDebtUsd             their deficits, USD
 * @param fundEndUsd             insurance funds' balance at the end, USD
 * @param fundMinimumUsd         the lowest balance the insurance fund reached, at any payout, USD (with several funds, the
 *                               sum of each one's lowest)
 * @param deleveragingFills      positions closed by ranked ADL
 * @param deleveragedNotionalUsd their notional at the ADL price, USD
 * @param deficitUsd             bad debt nobody covered, USD
 * @param liquidatorFeesUsd      fees paid to liquidators, USD
 * @param maxLedgerImbalance     the largest relative ledger imbalance seen (conservation holds below 1e-9)
 * @param plausibilityChecks     plausibility invariants checked ({@link PlausibilityMonitor}: fill prices within
 *                               their band, ADL counterparties solvent, bad debt equal to the negative equity)
 * @param plausibilityViolations how many of them failed (0 in a sound run)
 */
public record RunSummary(long steps, long liquidations, double liquidatedNotionalUsd, long bankruptcies,
                         double badDebtUsd, double fundEndUsd, double fundMinimumUsd, long deleveragingFills,
                         double deleveragedNotionalUsd, double deficitUsd, double liquidatorFeesUsd,
                         double maxLedgerImbalance, long plausibilityChecks, long plausibilityViolations)
        implements java.io.Serializable {
}
