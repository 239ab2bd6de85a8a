package io.solvent.engine.sim.lab;

import java.util.List;

/**
 * The same bankruptcy settled under one deleveraging policy.
 *
 * @param policy            the policy string ({@code adl-ranked:binance}, {@code adl-ranked:hyperliquid},
 *                          {@code socialize}, {@code deficit})
 * @param shortfallUsd      the bad debt the insurance fund did not pay, USD (the same under every policy: the fund
 *                          pays first)
 * @param paidUsd           what counterparties or holders paid, USD: Σ {@link Payer#paidUsd()}
 * @param deficitUsd        what was left on the books as protocol deficit, USD; {@code paid + deficit = shortfall}
 * @param accountsHit       sub-accounts that paid or had a position closed
 * @param largestLossUsd    the most taken from one sub-account (Σ of its {@link Payer#takenUsd()}), USD; 0 when none
 * @param takenUsd          the haircut the policy imposed: Σ {@link Payer#takenUsd()}, USD
 * @param overshootUsd      {@code takenUsd − paidUsd}: what the policy took beyond the smallest haircut that covers
 *                          the part of the shortfall it covered, USD, {@code >= 0} ({@link OvershootCalculator})
 * @param overshootPct      {@code overshootUsd / shortfallUsd × 100}, %; 0 when the shortfall is 0
 * @param notionalClosedUsd positions closed by deleveraging, Σ size closed × fill price, USD (arXiv 2512.01112's
 *                          second measure); 0 for socialize and deficit
 * @param fromPrincipalUsd  what payers paid beyond their own unrealized profit on what was charged, i.e. out of their
 *                          collateral, USD (a socialized loss charges losing positions too)
 * @param adlPriceUsd       ranked ADL: the price counterparties closed at, USD per unit; NaN otherwise
 * @param payers            who paid, ADL in queue order, a socialized loss by descending amount then id
 */
public record PolicyOutcome(String policy, double shortfallUsd, double paidUsd, double deficitUsd, int accountsHit,
                            double largestLossUsd, double takenUsd, double overshootUsd, double overshootPct,
                            double notionalClosedUsd, double fromPrincipalUsd, double adlPriceUsd,
                            List<Payer> payers) {

    public PolicyOutcome {
        payers = List.copyOf(payers);
    }
}
