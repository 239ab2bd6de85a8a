package io.solvent.engine.margin;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every figure of the reference model for one sub-account at one set of prices.
 *
 * @param initial           figures for initial margin
 * @param maintenance       figures for maintenance margin
 * @param equity            Σ balance × price + Σ PnL, unweighted, USD
 * @param liquidatable      {@code L_maintenance > 0} and {@code health_maintenance < 0} (exactly 0 is not)
 * @param freeCollateral    max(0, initial health), USD
 * @param marginRatio       R_m / (A_m − (L_m − R_m)); empty when the denominator is {@code <= 0}
 * @param leverage          Σ notional / equity; empty when equity is {@code <= 0}
 * @param liquidationPrices per asset held or traded, in book order: the price of that asset, all others held, at
 *                          which maintenance health is zero, nearest to the current price; empty when there is none
 * @param positions         per position, in file order
 */
public record SubAccountMargin(MarginFigures initial, MarginFigures maintenance, double equity,
                               boolean liquidatable, double freeCollateral, OptionalDouble marginRatio,
                               OptionalDouble leverage, Map<String, OptionalDouble> liquidationPrices,
                               List<PositionMargin> positions) {

    public SubAccountMargin {
        liquidationPrices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(liquidationPrices));
        positions = List.copyOf(positions);
    }
}
