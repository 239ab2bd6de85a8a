/**
 * Synthetic books for simulation and benchmarks: {@link io.solvent.engine.population.PopulationGenerator} draws a
 * population of accounts whose equity, leverage, margin mode, markets, sides, entry prices and collateral mix follow
 * documented distributions, calibrated where the data allows on Hyperliquid's 2025-10-10 statistics
 * ({@code docs/population.md} lists every distribution, its parameters and the source of every number).
 *
 * <p>Determinism: the same parameters give the same accounts on any machine. Uniforms come from
 * {@link java.util.SplittableRandom#nextDouble()} (one generator split per account from the seed's generator), normals
 * from this package's own Box–Muller transform through {@link StrictMath}, and every other draw is an inverse
 * cumulative distribution of one uniform. Numbers are rounded to venue-like precisions (cents, lot sizes, five
 * significant figures for prices) with {@link Math#round(double)} and {@link Math#floor(double)}, which are exact.
 *
 * <p>Units: money and prices in USD, amounts in units of the asset, fractions as fractions (0.13 = 13%), leverage as
 * a multiple (notional / equity).
 */
package io.solvent.engine.scenario;
