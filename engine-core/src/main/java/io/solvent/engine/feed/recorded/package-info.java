/**
 * Readers of recorded feed files (ticks, bars, trades, Binance public-data klines, order-book depth) that stream
 * {@link io.solvent.engine.feed.FeedEvent}s in time order and bounded memory. Start at
 * {@link io.solvent.engine.feed.recorded.RecordedFeedReader}; the formats and rules are documented in
 * {@code docs/feeds-recorded.md}.
 *
 * <p>Units: timestamps in milliseconds since the Unix epoch (UTC); prices per unit in the symbol's quote currency;
 * depth in base-asset units and USD.
 */
package io.solvent.engine.feed.recorded;
