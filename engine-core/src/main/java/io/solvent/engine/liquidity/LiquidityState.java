package io.solvent.engine.liquidity;

/**
 * The mutable part of a {@link MarketLiquidity}, for snapshots (seek), forks and the state hash. The depth in force
 * is not part of it: it follows from the time and the market's {@link DepthHistory}.
 *
 * @param stressed           whether the stressed depth multiplier applies
 * @param displacement       the price displacement left by the last fill, at {@code displacementAtMs}, a fraction
 *                           of the oracle price (−0.03: the price seen is 3% below the oracle)
 * @param displacementAtMs   when {@code displacement} was set, ms since the Unix epoch, UTC
 */
public record LiquidityState(boolean stressed, double displacement, long displacementAtMs) {
}
