package io.solvent.engine.margin;

import java.util.OptionalDouble;

/**
 * One position's figures.
 *
 * @param market                 market symbol
 * @param size                   signed size in units of the underlying
 * @param notional               |size| × price, USD
 * @param unrealizedPnl          size × (price − entry), USD
 * @param initialRequirement     tiered initial requirement on the notional, USD
 * @param maintenanceRequirement tiered maintenance requirement on the notional, USD
 * @param liquidationPrice       the sub-account's liquidation price for this position's underlying, USD per unit;
 *                               empty when there is none
 * @param liquidationDistance    (liquidationPrice − price) / price, signed; empty with the price
 */
public record PositionMargin(String market, double size, double notional, double unrealizedPnl,
                             double initialRequirement, double maintenanceRequirement,
                             OptionalDouble liquidationPrice, OptionalDouble liquidationDistance) {
}
