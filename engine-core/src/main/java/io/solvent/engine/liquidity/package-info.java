/**
 * The liquidity model: what a liquidation's closing trade gets from the market. Per market and side, a cumulative
 * depth curve ({@link io.solvent.engine.liquidity.DepthCurve}: notional within a distance of the reference price,
 * piecewise linear, from scenario parameters or from recorded Binance {@code bookDepth} snapshots in a
 * {@link io.solvent.engine.liquidity.DepthHistory}); slippage as the exact average distance of the fills; a stressed
 * regime that scales depth; and, optionally, cascade feedback: a fill moves the price the next accounts see, which
 * recovers with a half-life ({@link io.solvent.engine.liquidity.MarketLiquidity}).
 *
 * <p>Deterministic and clock-free: times are arguments; the only transcendental function, the decay, is
 * {@link StrictMath#pow}. The per-fill path ({@link io.solvent.engine.liquidity.MarketLiquidity#execute}) is written
 * to allocate nothing (its output goes into a caller-owned {@link io.solvent.engine.liquidity.Execution}); whether the
 * JIT keeps it so is for the JMH benchmarks to show.
 *
 * <p>Units: times in ms since the Unix epoch, UTC; durations in ms; notionals in USD; prices in USD per unit;
 * distances, slippage and displacements as fractions of the price (0.01 = 1%).
 */
package io.solvent.engine.liquidity;
