package io.solvent.engine.sim;

import java.time.Instant;
import java.util.Locale;

/**
 * A run-time invariant that failed at the end of an engine step: the run stops there rather than go on with figures
 * that are wrong ({@link StepInvariants}).
 *
 * @param timeMs    simulated time of the step, ms since the Unix epoch, UTC
 * @param step      the step's number in the run, from 1
 * @param invariant which invariant: {@code conservation}, {@code insurance-fund} or {@code plausibility}
 * @param detail    what was found, in words, with the figures (USD, or a fraction of the gross flow)
 */
public record InvariantViolation(long timeMs, long step, String invariant, String detail) {

    /** @return one line for a person: when, which invariant, what */
    public String describe() {
        return String.format(Locale.ROOT, "the run halted at %s (step %,d): %s invariant broken: %s",
                Instant.ofEpochMilli(timeMs), step, invariant, detail);
    }
}
