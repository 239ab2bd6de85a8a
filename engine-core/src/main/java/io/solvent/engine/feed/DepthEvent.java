package io.solvent.engine.feed;

/**
 * One point of an order book's cumulative depth curve (Binance bookDepth): the liquidity within a percentage of the
 * mid price. Feeds the liquidity model, not prices.
 *
 * @param timestampMs  milliseconds since the Unix epoch, UTC
 * @param symbol       the feed symbol
 * @param percentage   distance from the mid price in percent, negative on the bid side (−5 .. 5)
 * @param depthBase    cumulative quantity within that distance, in units of the base asset
 * @param notionalUsd  cumulative notional within that distance, USD
 * @param source       where it came from
 */
public record DepthEvent(long timestampMs, String symbol, double percentage, double depthBase, double notionalUsd,
                         String source) implements FeedEvent {
}
