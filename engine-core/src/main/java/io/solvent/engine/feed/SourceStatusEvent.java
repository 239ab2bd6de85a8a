package io.solvent.engine.feed;

/**
 * A change in a live source's connection: prices from the source should be treated as stale from a
 * {@link Status#DISCONNECTED} or {@link Status#STALE} event until the next {@link Status#CONNECTED} one.
 *
 * @param timestampMs when the client observed the change, milliseconds since the Unix epoch, UTC (the receiving
 *                    machine's clock, not the venue's)
 * @param symbol      always empty: a status applies to every symbol of the source
 * @param source      the source, such as {@code binance-futures} or {@code pyth}
 * @param status      the new state
 * @param reason      why, in words, for the operator (may be empty)
 */
public record SourceStatusEvent(long timestampMs, String symbol, String source, Status status, String reason)
        implements FeedEvent {

    /** The state of a live source. */
    public enum Status {
        /** Connected and receiving. */
        CONNECTED,
        /** Connected, but nothing arrived for longer than the client's staleness limit. */
        STALE,
        /** Not connected; the client is reconnecting. */
        DISCONNECTED
    }

    /**
     * @param timestampMs milliseconds since the Unix epoch, UTC
     * @param source      the source
     * @param status      the new state
     * @param reason      why
     * @return a status event for the whole source
     */
    public static SourceStatusEvent of(long timestampMs, String source, Status status, String reason) {
        return new SourceStatusEvent(timestampMs, "", source, status, reason);
    }
}
