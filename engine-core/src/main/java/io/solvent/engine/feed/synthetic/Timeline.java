package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.ModelValidationException;

/**
 * The fixed time grid of a synthetic path: {@code count} instants {@code startMs + k × stepMs}, k = 0 … count − 1.
 * The instant k = 0 carries the initial price; each later instant one step of the process.
 *
 * @param startMs time of the first event, ms since the Unix epoch, UTC
 * @param stepMs  time between two events, ms, {@code > 0}
 * @param count   number of instants (events per symbol), {@code >= 1}
 */
public record Timeline(long startMs, long stepMs, int count) {

    /** Milliseconds in the year over which drifts, volatilities and jump intensities are annualised (365 days). */
    public static final long YEAR_MS = 365L * 86_400_000L;

    public Timeline {
        if (stepMs <= 0) {
            throw new ModelValidationException("stepMs", "expected a step > 0 ms, was " + stepMs);
        }
        if (count < 1) {
            throw new ModelValidationException("count", "expected at least 1 instant, was " + count);
        }
        try {
            Math.addExact(startMs, Math.multiplyExact(count - 1L, stepMs)); // exact: a double rounds by 1 ms here
        } catch (ArithmeticException e) {
            throw new ModelValidationException("count", "the last instant overflows a long timestamp");
        }
    }

    /**
     * @param k index of the instant, 0 … count − 1
     * @return its time, ms since the Unix epoch, UTC
     */
    public long timeMs(int k) {
        return startMs + k * stepMs;
    }

    /** @return the step as a fraction of a {@link #YEAR_MS year}: the {@code dt} of the annualised parameters */
    public double stepYears() {
        return (double) stepMs / YEAR_MS;
    }

    /** @return time of the last instant, ms since the Unix epoch, UTC */
    public long endMs() {
        return timeMs(count - 1);
    }
}
