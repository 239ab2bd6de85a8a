package io.solvent.engine.sim.lab;

/**
 * The lab's haircut measure, after arXiv 2512.01112 (Chitra, "Autodeleveraging: Impossibilities and Optimization"),
 * which measures production ADL on 2025-10-10 against "the minimum trader profit haircut required to cover the
 * shortfall": ADL is a haircut on winners' unrealized profit, and a position that ADL closes loses the profit of what
 * was closed, whatever cash changes hands.
 *
 * <p>For one payer (a position, just before the bankruptcy was settled, of signed size {@code s} and unrealized PnL
 * {@code u} at the market's price) that paid {@code p >= 0} USD to the bankrupt sub-account:
 * <ul>
 *   <li>a position deleveraging closed {@code q} units of ({@code 0 < q <= |s|}) gave up the profit of the closed
 *       part, {@code π = max(0, u) × q / |s|}, and paid {@code p} in cash (its fill at the bankruptcy price instead of
 *       the mark); {@code taken = max(p, π)}: the profit forcibly realized, or the cash paid when that is more (the
 *       excess came out of its collateral);</li>
 *   <li>a holder charged a socialized share closes nothing: {@code taken = p}.</li>
 * </ul>
 * For a policy, {@code taken = Σ taken_i} and {@code paid = Σ p_i} (the part of the shortfall D it covered; the rest is
 * recorded deficit). The smallest haircut that covers {@code paid} is {@code paid} itself — a haircut of exactly that
 * much profit, spread pro rata (feasible whenever the payers' profit is at least that) — so
 * <pre>overshoot = taken − paid  (USD, >= 0),   overshoot% = overshoot / D × 100.</pre>
 * Ranked ADL matches the bankrupt's size, not its shortfall: it closes profitable positions worth more profit than
 * the shortfall, and overshoots; a pro-rata socialized loss takes exactly the shortfall (overshoot 0); a recorded
 * deficit takes nothing from anyone (overshoot 0, the whole shortfall left on the books). Pure arithmetic.
 */
public final class OvershootCalculator {
    private OvershootCalculator() {
    }

    /**
     * @param paidUsd          cash the position paid, USD, {@code >= 0}
     * @param unrealizedPnlUsd its unrealized PnL just before, USD
     * @param sizeBefore       its signed size just before, units
     * @param sizeClosed       what deleveraging closed, units, {@code 0 <= sizeClosed <= |sizeBefore|}
     * @return what ADL took from it, USD: {@code max(paid, max(0, u) × closed / |size|)}
     */
    public static double takenByClose(double paidUsd, double unrealizedPnlUsd, double sizeBefore, double sizeClosed) {
        return Math.max(paidUsd, closedProfitUsd(unrealizedPnlUsd, sizeBefore, sizeClosed));
    }

    /**
     * @param unrealizedPnlUsd its unrealized PnL just before, USD
     * @param sizeBefore       its signed size just before, units
     * @param sizeClosed       what deleveraging closed, units
     * @return the profit of the closed part, {@code max(0, u) × closed / |size|}, USD; 0 for a size of 0
     */
    public static double closedProfitUsd(double unrealizedPnlUsd, double sizeBefore, double sizeClosed) {
        if (sizeBefore == 0 || !(unrealizedPnlUsd > 0)) {
            return 0;
        }
        return unrealizedPnlUsd * Math.min(1, Math.abs(sizeClosed) / Math.abs(sizeBefore));
    }

    /**
     * @param paidUsd    cash the position paid, USD
     * @param profitUsd  the profit that was charged: the closed part's for ADL, the whole position's for a share
     * @return what it paid beyond that profit, out of its collateral, USD, {@code >= 0}
     */
    public static double fromPrincipalUsd(double paidUsd, double profitUsd) {
        return Math.max(0, paidUsd - Math.max(0, profitUsd));
    }

    /**
     * @param takenUsd the policy's haircut, USD
     * @param paidUsd  what it covered, USD
     * @return {@code max(0, taken − paid)}, USD
     */
    public static double overshootUsd(double takenUsd, double paidUsd) {
        return Math.max(0, takenUsd - paidUsd);
    }
}
