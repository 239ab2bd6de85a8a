package io.solvent.engine.feed;

/** Something a feed delivers at a moment: a price, a depth curve, a venue's own liquidation, or a live source's status. */
public sealed interface FeedEvent permits PriceEvent, DepthEvent, VenueLiquidationEvent, SourceStatusEvent {

    /** @return when it happened (or was published), milliseconds since the Unix epoch, UTC */
    long timestampMs();

    /** @return the feed symbol as the source names it, such as {@code BTCUSDT}; mapped to an asset by a scenario */
    String symbol();

    /** @return where it came from, such as a file name or {@code binance-futures} */
    String source();
}
