/**
 * The reference margin model of {@code margin-model.md}: pure, stateless arithmetic over the records of
 * {@link io.solvent.engine.model}. Size-adjusted weights, progressive tiers, weighted assets and liabilities,
 * health, health factor, free collateral, margin ratio, leverage, and liquidation prices found exactly on the
 * piecewise-linear health function.
 *
 * <p>Units: money figures (weighted assets, liabilities, requirements, health, equity, notional, PnL, free
 * collateral) are USD; prices are USD per unit of the asset; ratios, weights, fractions, distances and leverage
 * are plain numbers. A figure that the model leaves undefined is an empty {@link java.util.OptionalDouble}
 * (JSON {@code null}).
 */
package io.solvent.engine.margin;
