package io.solvent.engine.margin;

import java.util.OptionalDouble;

/**
 * A sub-account's figures for one margin type.
 *
 * @param weightedAssets      A: weighted positive balances and weighted positive PnL, USD
 * @param weightedLiabilities L: weighted negative balances, negative PnL and the requirement, USD
 * @param requirement         R: the tiered requirement of all positions, USD (included in L)
 * @param health              A − L, USD
 * @param healthFactor        A / L; empty when L = 0
 */
public record MarginFigures(double weightedAssets, double weightedLiabilities, double requirement, double health,
                            OptionalDouble healthFactor) {

    /**
     * @param weightedAssets      A, USD
     * @param weightedLiabilities L including the requirement, USD
     * @param requirement         R, USD
     * @return the figures with health and health factor derived
     */
    public static MarginFigures of(double weightedAssets, double weightedLiabilities, double requirement) {
        return new MarginFigures(weightedAssets, weightedLiabilities, requirement,
                weightedAssets - weightedLiabilities,
                weightedLiabilities == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of(weightedAssets / weightedLiabilities));
    }
}
