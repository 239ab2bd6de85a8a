/**
 * The oracle model: turns feed prices into the prices the engine sees, per asset, the way venues' oracles do —
 * delivery latency, Chainlink-style deviation threshold and heartbeat, staleness, Pyth-style confidence filtering,
 * and mark prices (Hyperliquid's median, Binance's index plus premium EMA).
 *
 * <p>A deterministic state machine without a clock: time comes only from event timestamps and from
 * {@link io.solvent.engine.oracle.AssetOracle#advanceTo(long)}. One {@link io.solvent.engine.oracle.AssetOracle} per
 * feed symbol, gathered in an {@link io.solvent.engine.oracle.OracleSet}.
 *
 * <p>Units: times in ms since the Unix epoch, UTC; durations in ms; prices in USD per unit; thresholds and
 * confidence limits as fractions of the price (0.005 = 0.5%).
 */
package io.solvent.engine.oracle;
