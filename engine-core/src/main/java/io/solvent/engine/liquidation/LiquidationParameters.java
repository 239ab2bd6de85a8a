package io.solvent.engine.liquidation;

import io.solvent.engine.model.FieldChecks;

/**
 * How liquidation closes positions.
 *
 * @param buffer          close only as much as restores {@code healthFactor_m >= 1 + buffer} (Drift's 2%), {@code >= 0}
 * @param maxFraction     at most this fraction of a position is closed per step (dYdX: 10% per block), {@code (0, 1]}
 * @param dustNotionalUsd a remainder below this notional is closed too, USD, {@code >= 0}
 * @param liquidatorShare share of the liquidation fee paid to the liquidator; the rest goes to the insurance fund,
 *                        0..1
 */
public record LiquidationParameters(double buffer, double maxFraction, double dustNotionalUsd,
                                    double liquidatorShare) {

    /** Drift's 2% buffer, whole positions per step, $1 of dust, half the fee to the liquidator. */
    public static final LiquidationParameters DEFAULTS = new LiquidationParameters(0.02, 1.0, 1.0, 0.5);

    public LiquidationParameters {
        FieldChecks.nonNegative("buffer", buffer);
        FieldChecks.positive("maxFraction", maxFraction);
        FieldChecks.between("maxFraction", maxFraction, 0, 1);
        FieldChecks.nonNegative("dustNotionalUsd", dustNotionalUsd);
        FieldChecks.between("liquidatorShare", liquidatorShare, 0, 1);
    }
}
