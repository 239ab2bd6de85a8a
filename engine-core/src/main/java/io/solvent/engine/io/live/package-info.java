/**
 * The engine on live prices: a {@link io.solvent.engine.io.live.LiveSession} connects a live client (Binance USD-M
 * mark prices and {@code forceOrder} liquidations over WebSocket, or Pyth Hermes over server-sent events), journals
 * every message it receives, and gives a {@link io.solvent.engine.scenario.Scenario} whose feed is the session's
 * {@link io.solvent.engine.feed.live.LiveStream}, for the engine loop to run; the same session's journal replays later
 * through {@link io.solvent.engine.io.live.LiveSession#replayScenario} to the same events and the same state hash.
 * It lives in {@code io} because it opens files (the journal, with Jackson's decoders) and reads the wall clock.
 *
 * <p>Units: timestamps in milliseconds since the Unix epoch (UTC); durations in milliseconds; prices in USD (or the
 * feed's quote currency, USDT for Binance USD-M) per unit.
 */
package io.solvent.engine.io.live;
