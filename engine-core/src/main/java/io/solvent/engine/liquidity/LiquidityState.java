package io.solvent.engine.liquidity;

/**
 * The mutable part of a {@link MarketLiquidity}, for snapshots (seek), forks and the state hash. The depth in force
 * is not part of it: it follows from the time and the market's {@link DepthHistory}.
 *
 * @param stressed        whether the stressed depth multiplier applies
 * @param bidsConsumedUsd notional consumed from the bids by sales, at {@code consumedAtMs}, USD
 * @param asksConsumedUsd notional consumed from the asks by purchases, at {@code consumedAtMs}, USD
 * @param consumedAtMs    when the consumed notionals were last set (the last fill), ms since the Unix epoch, UTC;
 *                        {@link Long#MIN_VALUE} before any
 * @param referencePrice  the stress rule's moving reference price, USD per unit; NaN before any price
 * @param lastPrice       the last oracle price observed, USD per unit; NaN before any
 * @param referenceAtMs   when both were last updated, ms since the Unix epoch, UTC
 */
public record LiquidityState(boolean stressed, double bidsConsumedUsd, double asksConsumedUsd, long consumedAtMs,
                             double referencePrice, double lastPrice, long referenceAtMs) {
}
