package io.solvent.engine.liquidation;

import io.solvent.engine.model.FieldChecks;

/**
 * How liquidation closes positions and repays debt.
 *
 * @param buffer                close only as much as restores {@code healthFactor_m >= 1 + buffer} (Drift's 2%),
 *                              {@code >= 0}
 * @param maxFraction           at most this fraction of a position is closed per step (dYdX: 10% per block),
 *                              {@code (0, 1]}; below 1, a sub-account liquidated in a step is not liquidated again in
 *                              the same step
 * @param dustNotionalUsd       a remainder below this notional (of a position or of a debt) is closed too, USD,
 *                              {@code >= 0}
 * @param liquidatorShare       share of the liquidation fee (or lending bonus) paid to the liquidator; the rest goes
 *                              to the insurance fund, 0..1
 * @param closeFactor           lending: at most this fraction of a debt is repaid per step (Aave: 0.5), {@code (0, 1]}
 * @param fullCloseHealthFactor lending: at or below this maintenance health factor the whole debt may be repaid in
 *                              one step (Aave v3: 0.95), {@code >= 0}
 * @param lendingBonus          lending: the liquidation bonus, a fraction of the debt repaid, paid out of the
 *                              sub-account's collateral (Aave: 0.05 for most assets), {@code >= 0}
 */
public record LiquidationParameters(double buffer, double maxFraction, double dustNotionalUsd,
                                    double liquidatorShare, double closeFactor, double fullCloseHealthFactor,
                                    double lendingBonus) {

    /** Aave v3's close factor: half the debt per liquidation. */
    public static final double DEFAULT_CLOSE_FACTOR = 0.5;
    /** Aave v3's threshold below which the whole debt may be repaid at once. */
    public static final double DEFAULT_FULL_CLOSE_HEALTH_FACTOR = 0.95;
    /** Aave's usual liquidation bonus, 5% of the debt repaid. */
    public static final double DEFAULT_LENDING_BONUS = 0.05;

    /** Drift's 2% buffer, whole positions per step, $1 of dust, half the fee to the liquidator; Aave's lending rules. */
    public static final LiquidationParameters DEFAULTS = new LiquidationParameters(0.02, 1.0, 1.0, 0.5);

    public LiquidationParameters {
        FieldChecks.nonNegative("buffer", buffer);
        FieldChecks.positive("maxFraction", maxFraction);
        FieldChecks.between("maxFraction", maxFraction, 0, 1);
        FieldChecks.nonNegative("dustNotionalUsd", dustNotionalUsd);
        FieldChecks.between("liquidatorShare", liquidatorShare, 0, 1);
        FieldChecks.positive("closeFactor", closeFactor);
        FieldChecks.between("closeFactor", closeFactor, 0, 1);
        FieldChecks.nonNegative("fullCloseHealthFactor", fullCloseHealthFactor);
        FieldChecks.nonNegative("lendingBonus", lendingBonus);
    }

    /** The perp rules with Aave's lending defaults (close factor 0.5, full close at 0.95, bonus 5%). */
    public LiquidationParameters(double buffer, double maxFraction, double dustNotionalUsd, double liquidatorShare) {
        this(buffer, maxFraction, dustNotionalUsd, liquidatorShare, DEFAULT_CLOSE_FACTOR,
                DEFAULT_FULL_CLOSE_HEALTH_FACTOR, DEFAULT_LENDING_BONUS);
    }

    /** @return whether a sub-account may be liquidated at most once per step (a per-step cap below 1) */
    public boolean capsPerStep() {
        return maxFraction < 1;
    }
}
