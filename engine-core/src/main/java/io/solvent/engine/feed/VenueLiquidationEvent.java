package io.solvent.engine.feed;

/**
 * A liquidation the venue itself executed (Binance {@code forceOrder}), shown beside the simulated ones.
 *
 * @param timestampMs milliseconds since the Unix epoch, UTC (the order's trade time)
 * @param symbol      the feed symbol
 * @param side        {@code BUY} (a short was liquidated) or {@code SELL} (a long was liquidated)
 * @param price       the order's average fill price, per unit
 * @param quantity    the filled quantity, in units of the base asset
 * @param source      where it came from
 */
public record VenueLiquidationEvent(long timestampMs, String symbol, String side, double price, double quantity,
                                    String source) implements FeedEvent {
}
