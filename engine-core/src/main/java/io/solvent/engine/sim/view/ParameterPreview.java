package io.solvent.engine.sim.view;

import java.util.List;

/**
 * What a change of parameters would do to a run's book now, before it is applied: the same sub-accounts evaluated
 * under the parameters in force and under the new ones, at the same prices. Only market and asset definitions (tiers,
 * margin fractions, weights, size factors, positive-PnL weights) move a sub-account's health at once; the other
 * parameters (liquidation, oracle, liquidity, deleveraging, dynamic margin) act from the next price or liquidation on,
 * which {@link #note()} says.
 *
 * @param changes                 each changed key, {@code key: from → to}; empty when nothing changes
 * @param redefined               whether a market or asset definition changes (the book is re-evaluated)
 * @param atMs                    the run's simulated time the preview is exact at, ms since the Unix epoch, UTC
 * @param subAccounts             sub-accounts evaluated
 * @param atRiskBefore            sub-accounts at risk now (maintenance health factor below the at-risk line)
 * @param atRiskAfter             the same under the new parameters
 * @param newlyAtRisk             at risk under the new parameters and not now
 * @param liquidatableBefore      sub-accounts liquidatable now (maintenance health below zero)
 * @param liquidatableAfter       the same under the new parameters
 * @param newlyLiquidatable       liquidatable under the new parameters and not now: what applying it liquidates at
 *                                once
 * @param newlyLiquidatableNotionalUsd the notional of their positions, USD
 * @param maintenanceRequirementBeforeUsd the book's total maintenance margin requirement now, USD
 * @param maintenanceRequirementAfterUsd  the same under the new parameters, USD
 * @param note                    what the preview cannot show (a rule that acts later), or empty
 */
public record ParameterPreview(List<String> changes, boolean redefined, long atMs, int subAccounts,
                               int atRiskBefore, int atRiskAfter, int newlyAtRisk,
                               int liquidatableBefore, int liquidatableAfter, int newlyLiquidatable,
                               double newlyLiquidatableNotionalUsd,
                               double maintenanceRequirementBeforeUsd, double maintenanceRequirementAfterUsd,
                               String note) {
    public ParameterPreview {
        changes = List.copyOf(changes);
        java.util.Objects.requireNonNull(note, "note");
    }

    /** @return the change of the book's maintenance requirement, USD (after − before) */
    public double maintenanceRequirementChangeUsd() {
        return maintenanceRequirementAfterUsd - maintenanceRequirementBeforeUsd;
    }
}
