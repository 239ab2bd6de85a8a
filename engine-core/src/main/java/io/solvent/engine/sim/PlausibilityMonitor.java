package io.solvent.engine.sim;

import java.util.Locale;

/**
 * The plausibility invariants every step is held to, beyond conservation (a run can balance to the cent and still
 * deleverage at a negative price), checked as the engine acts and counted:
 * <ol>
 *   <li>every fill — liquidation, collateral sale, ADL — is at a positive price within its market's band of the
 *       oracle price: {@code |fill / P − 1| <= band}, the band being the backstop distance of the side of the book
 *       the trade consumes (ADL: the side the counterparties trade);</li>
 *   <li>an ADL counterparty is never made bankrupt by its own fill: its equity after the fill is {@code >= 0};</li>
 *   <li>bad debt never exceeds the negative equity that produced it: a bankruptcy's deficit is positive and equal to
 *       minus the sub-account's equity, and the run's bad debt is the sum of those deficits.</li>
 * </ol>
 * A relative tolerance of {@value #TOLERANCE} absorbs rounding. The first violation is kept in words for the report.
 * Owned by the engine thread; copied with the engine.
 */
public final class PlausibilityMonitor {
    /** Relative tolerance of every check. */
    public static final double TOLERANCE = 1e-9;

    private long checks;
    private long violations;
    private String first;

    /** @return a copy in this state */
    PlausibilityMonitor copy() {
        PlausibilityMonitor c = new PlausibilityMonitor();
        c.checks = checks;
        c.violations = violations;
        c.first = first;
        return c;
    }

    /**
     * Invariant 1.
     *
     * @param timeMs   simulated time, ms
     * @param sub      the sub-account that traded
     * @param market   dense index of the market
     * @param fillUsd  the fill price, USD per unit
     * @param oracleUsd the oracle price, USD per unit
     * @param band     the band, a fraction
     */
    void checkFill(long timeMs, int sub, int market, double fillUsd, double oracleUsd, double band) {
        checks++;
        if (!(fillUsd > 0) || !(Math.abs(fillUsd / oracleUsd - 1) <= band * (1 + TOLERANCE) + TOLERANCE)) {
            violation(String.format(Locale.ROOT, "at %d ms sub-account %d filled in market %d at %s USD, %.4f%% from"
                    + " the oracle price %s (band %.2f%%)", timeMs, sub, market, fillUsd,
                    100 * (fillUsd / oracleUsd - 1), oracleUsd, 100 * band));
        }
    }

    /**
     * Invariant 2.
     *
     * @param timeMs    simulated time, ms
     * @param sub       the counterparty
     * @param equityUsd its equity after the fill, USD
     * @param bankrupt  the bankrupt sub-account it was deleveraged for
     */
    void checkCounterparty(long timeMs, int sub, double equityUsd, int bankrupt) {
        checks++;
        if (!(equityUsd >= -TOLERANCE * Math.max(1, Math.abs(equityUsd)))) {
            violation(String.format(Locale.ROOT, "at %d ms ADL counterparty %d of bankrupt %d left with equity %s USD",
                    timeMs, sub, bankrupt, equityUsd));
        }
    }

    /**
     * Invariant 3, per bankruptcy: the deficit is what the negative equity was.
     *
     * @param timeMs     simulated time, ms
     * @param sub        the bankrupt sub-account
     * @param deficitUsd its deficit, USD: minus its equity
     */
    void checkBankruptcy(long timeMs, int sub, double deficitUsd) {
        checks++;
        if (!(deficitUsd > 0) || !Double.isFinite(deficitUsd)) {
            violation(String.format(Locale.ROOT, "at %d ms sub-account %d went bankrupt with a deficit of %s USD",
                    timeMs, sub, deficitUsd));
        }
    }

    /**
     * Invariant 3, over the run: the bad debt equals the deficits settled (every dollar paid by the fund, covered by
     * the policy or recorded). Changes nothing: a summary may be asked for at any time.
     *
     * @param badDebtUsd the run's bad debt, USD
     * @param settledUsd what the fund paid, counterparties and holders covered and the deficit book took, USD
     * @return the problem in words, or null when the two agree
     */
    static String unsettled(double badDebtUsd, double settledUsd) {
        return Math.abs(badDebtUsd - settledUsd) <= TOLERANCE * Math.max(1, badDebtUsd) ? null
                : String.format(Locale.ROOT, "bad debt %s USD but %s USD settled", badDebtUsd, settledUsd);
    }

    private void violation(String what) {
        violations++;
        if (first == null) {
            first = what;
        }
    }

    /** @return the checks made so far */
    public long checks() {
        return checks;
    }

    /** @return the violations found so far */
    public long violations() {
        return violations;
    }

    /** @return the first violation in words, or null when there was none */
    public String firstViolation() {
        return first;
    }
}
