/**
 * The price-event stream: every source — recorded files, synthetic generators, live venue clients — produces the
 * same {@link io.solvent.engine.feed.FeedEvent}s through a {@link io.solvent.engine.feed.FeedReader}, so that the
 * engine, the replay and the console do not care where prices come from.
 *
 * <p>Units: timestamps in milliseconds since the Unix epoch (UTC); prices in USD (or the quote currency of the
 * feed symbol) per unit; confidence in the same unit as the price.
 */
package io.solvent.engine.feed;
