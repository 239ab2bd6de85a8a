package io.solvent.engine.sim.view;

/**
 * Where the active run stands in simulated time.
 *
 * @param startMs   the earliest time it can seek to, ms since the Unix epoch, UTC: the first feed event's time for the
 *                  original, the fork's moment for a fork; {@link Long#MIN_VALUE} when unknown
 * @param timeMs    time of the last feed event processed, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} before
 *                  the first
 * @param endHintMs when its feeds end, as far as can be told without reading them, ms since the Unix epoch, UTC;
 *                  {@link Long#MIN_VALUE} when unknown (for the timeline's extent only)
 * @param position  feed events processed
 * @param ticks     price events processed
 */
public record Clock(long startMs, long timeMs, long endHintMs, long position, long ticks) {
    /** No run. */
    public static final Clock NONE = new Clock(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, 0, 0);
}
