/**
 * Live sources on {@code java.net.http} alone: Binance USD-M futures over WebSocket (mark price every second and
 * the venue's liquidations) and Pyth Hermes over server-sent events. A {@link io.solvent.engine.feed.live.LiveFeedClient}
 * reconnects with {@link io.solvent.engine.feed.live.Backoff}, reports its connection as
 * {@link io.solvent.engine.feed.SourceStatusEvent}s, records every message to the journal and hands events to the
 * engine thread through a non-blocking {@link io.solvent.engine.feed.live.LiveEventQueue}.
 *
 * <p>Units: timestamps in milliseconds since the Unix epoch (UTC); durations in milliseconds.
 */
package io.solvent.engine.feed.live;
