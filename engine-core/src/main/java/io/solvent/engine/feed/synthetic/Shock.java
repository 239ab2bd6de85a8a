package io.solvent.engine.feed.synthetic;

/**
 * A shaped disturbance laid on top of a path by {@link ShockedFeedReader}: a multiplier of the price of one symbol
 * as a function of time, or an interval in which the symbol's source is silent. Several shocks on one symbol
 * multiply.
 */
public sealed interface Shock permits InstantShock, CrashShock, DepegShock, FrozenFeedShock {

    /** @return the feed symbol it applies to */
    String symbol();

    /**
     * @param timeMs an event's time, ms since the Unix epoch, UTC
     * @return the factor its price is multiplied by, {@code > 0}; 1 outside the shock
     */
    double multiplier(long timeMs);

    /**
     * @param timeMs an event's time, ms since the Unix epoch, UTC
     * @return whether the symbol's source emits nothing at that time (the event is dropped)
     */
    default boolean silences(long timeMs) {
        return false;
    }

    /** Checks that {@code start + durations} stays a valid timestamp. */
    static void fits(String field, long startMs, long... durationsMs) {
        long t = startMs;
        for (long d : durationsMs) {
            if (t > Long.MAX_VALUE - d) {
                throw new io.solvent.engine.model.ModelValidationException(field, "the shock ends after the last "
                        + "representable timestamp");
            }
            t += d;
        }
    }
}
