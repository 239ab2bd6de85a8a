/**
 * Seeded synthetic price paths for what no recording has: jump diffusion, volatility regimes, correlated
 * multi-asset crashes, and shaped shocks laid on top of any path.
 *
 * <p>Every generator is a {@link io.solvent.engine.feed.FeedReader} of {@link io.solvent.engine.feed.PriceEvent}s
 * on a fixed time step ({@link io.solvent.engine.feed.synthetic.Timeline}). Determinism: the same seed and
 * parameters give a bit-identical path on any machine. Uniforms come from {@link java.util.SplittableRandom}
 * ({@code nextDouble}); normals are derived from them by this package's own Box–Muller transform
 * ({@link io.solvent.engine.feed.synthetic.GaussianSampler}); every transcendental function is {@link StrictMath}.
 *
 * <p>Units: timestamps in ms since the Unix epoch, UTC; prices in USD per unit; drifts and volatilities annualised
 * over a year of {@value io.solvent.engine.feed.synthetic.Timeline#YEAR_MS} ms (365 days: crypto trades every
 * day); fractions as fractions (0.1 = 10%); probabilities per time step.
 */
package io.solvent.engine.feed.synthetic;
