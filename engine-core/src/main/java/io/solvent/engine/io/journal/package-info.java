/**
 * The recorded journal of live sessions and the message parsers shared by the live clients and the replay:
 * {@link io.solvent.engine.io.journal.JsonMessageDecoder} (Binance USD-M futures and Pyth Hermes messages to feed
 * events), {@link io.solvent.engine.io.journal.JournalWriter} (append-only JSON lines, one received message each)
 * and {@link io.solvent.engine.io.journal.JournalReader} (replays a journal as a
 * {@link io.solvent.engine.feed.FeedReader}).
 *
 * <p>Units: timestamps in milliseconds since the Unix epoch (UTC); prices in the quote currency of the feed symbol
 * (USD or USDT) per unit.
 */
package io.solvent.engine.io.journal;
